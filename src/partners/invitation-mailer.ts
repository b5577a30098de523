import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { MAIL_TRANSPORT, type MailTransport } from '../notifications/mail-transport.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { invitationMail } from './invitation-mail.js';

/** Where the e-mail's link leads: the console's invitation page (its API twin is /need-invitations/:token). */
export const invitationPath = (token: string): string => `/app/invitations/${token}`;

/**
 * Sends the invitation right after the draft is committed, not through the outbox: the outbox
 * payload would keep the plain token in the database. The mail log keeps the message with the
 * link masked. A failed send is logged there; the partner may post the need again.
 */
@Injectable()
export class InvitationMailer {
  private readonly logger = new Logger(InvitationMailer.name);

  constructor(
    private readonly log: NotificationsRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @InjectConfig('publicUrl') private readonly config: ConfigSlices['publicUrl'],
  ) {}

  async send(invitation: {
    id: string;
    to: string;
    token: string;
    partnerName: string;
    title: string;
    organisationName: string;
    expiresAt: Date;
  }): Promise<boolean> {
    const link = new URL(invitationPath(invitation.token), this.config.appPublicUrl).toString();
    const mail = invitationMail({ ...invitation, link });
    const id = await this.log.claim({
      dedupeKey: `need-invitation:${invitation.id}`,
      userId: null,
      to: invitation.to,
      kind: 'need_invitation',
      subject: mail.subject,
      body: mail.text.replace(invitation.token, '…'),
      transport: this.transport.name,
    });
    if (!id) return false;
    try {
      await this.transport.send({ to: invitation.to, ...mail });
      await this.log.markSent(id);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.log.markFailed(id, message);
      this.logger.warn(`Invitation ${invitation.id} not sent: ${message}`);
      return false;
    }
  }
}
