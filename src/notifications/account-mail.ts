import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import type { AccountMailKind } from './account-mail-kinds.js';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport.js';
import { NotificationsRepository } from './notifications.repository.js';
import type { RenderedMail } from './templates.js';

export function renderAccountMail(kind: AccountMailKind, d: { recipientName: string; link: string; partnerName?: string }): RenderedMail {
  const hello = `Bonjour ${d.recipientName},\n\n`;
  const signature = "\n\n—\nCircuit IA · Maison de l'IA";
  if (kind === 'partner_invitation') {
    const partner = d.partnerName ?? 'votre organisation';
    return {
      subject: `Invitation à gérer l'espace partenaire de ${partner} sur Circuit IA`,
      text:
        `${hello}Vous êtes invité·e à gérer l'espace partenaire de ${partner} sur Circuit IA : ses clés d'API, son webhook, ` +
        `les diagnostics qu'il importe et les besoins qu'il apporte.\n\n` +
        `Pour commencer, choisissez votre mot de passe en ouvrant ce lien (valable 3 jours, une seule fois) : ${d.link}\n\n` +
        `Vous vous connecterez ensuite avec cette adresse e-mail. Si le lien a expiré, demandez-en un nouveau avec « Mot de passe oublié ». ` +
        `Si vous n'attendiez pas cette invitation, ignorez cet e-mail : personne ne pourra utiliser ce compte sans ce lien.${signature}`,
    };
  }
  if (kind === 'password_reset') {
    return {
      subject: 'Choisir un nouveau mot de passe',
      text:
        `${hello}Quelqu'un (sans doute vous) a demandé à changer le mot de passe de votre compte Circuit IA.\n\n` +
        `Pour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure : ${d.link}\n\n` +
        `Le lien ne sert qu'une fois. Si vous n'avez rien demandé, ignorez cet e-mail : votre mot de passe ne change pas.${signature}`,
    };
  }
  return {
    subject: 'Confirmez votre adresse e-mail',
    text:
      `${hello}Bienvenue sur Circuit IA. Pour confirmer que cette adresse est bien la vôtre, ouvrez ce lien (valable 48 heures) : ${d.link}\n\n` +
      `Tant qu'elle n'est pas confirmée, vous pouvez préparer vos offres ou vos besoins, mais pas les publier ni les soumettre.${signature}`,
  };
}

@Injectable()
export class AccountMailer {
  private readonly logger = new Logger(AccountMailer.name);

  constructor(
    private readonly repository: NotificationsRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @InjectConfig('publicUrl') private readonly config: ConfigSlices['publicUrl'],
  ) {}

  /**
   * Sends one account e-mail, whatever the person muted; `eventKey` makes a redelivered event send
   * nothing twice. Throws on a failed send so the outbox retries. False when nothing was sent.
   */
  async send(m: { kind: AccountMailKind; eventKey: string; userId: string; path: string; partnerName?: string }): Promise<boolean> {
    const recipient = await this.repository.liveRecipient(m.userId);
    if (!recipient) return false;
    const mail = renderAccountMail(m.kind, {
      recipientName: recipient.displayName,
      link: new URL(m.path, this.config.appPublicUrl).toString(),
      partnerName: m.partnerName,
    });
    const id = await this.repository.claim({
      dedupeKey: `${m.eventKey}:${recipient.userId}`,
      userId: recipient.userId,
      to: recipient.email,
      kind: m.kind,
      subject: mail.subject,
      body: mail.text,
      transport: this.transport.name,
    });
    if (!id) return false;
    try {
      await this.transport.send({ to: recipient.email, ...mail });
      await this.repository.markSent(id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.repository.markFailed(id, message);
      throw new Error(`e-mail ${m.kind} failed: ${message}`, { cause: error });
    }
    this.logger.log(`${m.kind}: 1 e-mail via ${this.transport.name}`);
    return true;
  }
}
