import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  /** Files joined to the mail, e.g. a business-meetings agenda as text/calendar. */
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** How an e-mail leaves: SMTP when SMTP_URL is set, otherwise only the mail log and a log line. */
export interface MailTransport {
  readonly name: 'smtp' | 'log';
  send(mail: OutgoingMail): Promise<void>;
}

export class SmtpMailTransport implements MailTransport {
  readonly name = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(url);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: mail.headers,
      attachments: mail.attachments,
    });
  }
}

/** The default install: what would be sent is kept in `mail_log` and logged, nothing leaves. */
export class LogMailTransport implements MailTransport {
  readonly name = 'log' as const;

  constructor(private readonly log: (line: string) => void) {}

  async send(mail: OutgoingMail): Promise<void> {
    this.log(`mail (not sent, no SMTP_URL): "${mail.subject}"`);
  }
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
