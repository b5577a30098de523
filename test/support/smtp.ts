import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server for e2e tests: the app sends through SMTP_URL, the test reads what arrived. */
export interface TestSmtp {
  url: string;
  messages: ParsedMail[];
  /** Messages sent to `address` so far; with `subject`, only those whose subject matches it. */
  to(address: string, subject?: RegExp): ParsedMail[];
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  const recipients = (m: ParsedMail): string[] =>
    (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address, subject) => messages.filter((m) => recipients(m).includes(address) && (!subject || subject.test(m.subject ?? ''))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
