import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport.js';
import type { NotificationKind } from './notification-kinds.js';
import { NotificationsRepository } from './notifications.repository.js';
import { render, type TemplateData } from './templates.js';

export interface Notification {
  kind: NotificationKind;
  /** Unique per event (the outbox event id): a redelivered event sends nothing twice. */
  eventKey: string;
  recipientIds: string[];
  /** Everything but the recipient's name, and the path (joined to APP_PUBLIC_URL). */
  data: Omit<TemplateData, 'recipientName' | 'link'> & { path: string };
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly repository: NotificationsRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @InjectConfig('publicUrl') private readonly config: ConfigSlices['publicUrl'],
  ) {}

  /**
   * Sends one e-mail per reachable recipient. Throws when any send failed, so the outbox retries
   * the event; recipients already served are skipped on the retry.
   */
  async notify(n: Notification): Promise<number> {
    const recipients = await this.repository.reachable([...new Set(n.recipientIds)], n.kind);
    const link = new URL(n.data.path, this.config.appPublicUrl).toString();
    let sent = 0;
    const failures: string[] = [];
    for (const r of recipients) {
      const mail = render(n.kind, { ...n.data, recipientName: r.displayName, link });
      const id = await this.repository.claim({
        dedupeKey: `${n.eventKey}:${r.userId}`,
        userId: r.userId,
        to: r.email,
        kind: n.kind,
        subject: mail.subject,
        body: mail.text,
        transport: this.transport.name,
      });
      if (!id) continue;
      try {
        await this.transport.send({ to: r.email, ...mail });
        await this.repository.markSent(id);
        sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await this.repository.markFailed(id, message);
        failures.push(message);
      }
    }
    if (failures.length) throw new Error(`${failures.length} e-mail(s) of ${n.kind} failed: ${failures[0]}`);
    if (sent) this.logger.log(`${n.kind}: ${sent} e-mail(s) via ${this.transport.name}`);
    return sent;
  }
}
