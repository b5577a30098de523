import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { JWT_SIGNING_SECRET } from '../credentials/jwt-secret.js';
import { anonymisedNeed } from '../matches/leads.service.js';
import { LeadNeedsRepository } from '../matches/repositories/lead-needs.repository.js';
import { MAIL_TRANSPORT, type MailTransport } from '../notifications/mail-transport.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { LeadAlertsRepository, type LeadRow, type PendingNotice } from './lead-alerts.repository.js';
import { digestLeadMail, instantLeadMail, type LeadForMail, type LeadMail, type LeadMailLinks } from './lead-mail.js';
import { unsubscribeToken } from './unsubscribe-token.js';

/** Console paths the e-mails link to. */
export const leadPath = (leadId: string): string => `/app/fournisseur/pistes/${leadId}`;
export const ALERT_SETTINGS_PATH = '/app/fournisseur/alertes';
export const unsubscribePath = (token: string): string => `/desabonnement/${token}`;

export interface DigestResult {
  digests: number;
  leads: number;
}

/**
 * Writes the lead e-mails (issue 18): instant ones as leads are created, digests per period. Every
 * message is claimed in the mail log first under a key naming it (`lead:<lead>:<user>`,
 * `lead-digest:<period>:<user>`), so a redelivered event or a second instance sends nothing twice
 * and a user gets at most one digest per period.
 */
@Injectable()
export class LeadMailer {
  private readonly logger = new Logger(LeadMailer.name);

  constructor(
    private readonly leads: LeadAlertsRepository,
    private readonly needs: LeadNeedsRepository,
    private readonly log: NotificationsRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(JWT_SIGNING_SECRET) private readonly secret: string,
    @InjectConfig('publicUrl') private readonly config: ConfigSlices['publicUrl'],
  ) {}

  /** Tells the members on instant alerts of these leads; throws when a send failed (the outbox retries). */
  async sendInstant(leadIds: readonly string[]): Promise<number> {
    const pending = await this.leads.pendingInstant(leadIds);
    if (pending.length === 0) return 0;
    const mails = await this.leadsForMail(pending.map((p) => p.leadId));
    let sent = 0;
    const failures: string[] = [];
    for (const p of pending) {
      const lead = mails.get(p.leadId);
      if (!lead) continue;
      const mail = instantLeadMail(p.displayName, lead, this.links(p.userId));
      const result = await this.deliver(`lead:${p.leadId}:${p.userId}`, 'lead_alert', p, mail);
      if (result === 'failed') failures.push(p.email);
      if (result !== 'sent') continue;
      await this.leads.recordNotices([p], 'instant');
      sent++;
    }
    if (sent) this.logger.log(`lead alerts: ${sent} e-mail(s) via ${this.transport.name}`);
    if (failures.length) throw new Error(`${failures.length} lead alert e-mail(s) failed`);
    return sent;
  }

  /** One digest per member on `frequency` with unheard leads, for the period `periodKey`. */
  async sendDigests(frequency: 'daily' | 'weekly', periodKey: string, now: Date): Promise<DigestResult> {
    const pending = await this.leads.pendingDigests(frequency, now);
    if (pending.length === 0) return { digests: 0, leads: 0 };
    const mails = await this.leadsForMail([...new Set(pending.map((p) => p.leadId))]);
    const byUser = new Map<string, PendingNotice[]>();
    for (const p of pending) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
    const noticed: PendingNotice[] = [];
    let digests = 0;
    let failed = 0;
    for (const [userId, notices] of byUser) {
      const leads = notices.flatMap((n) => mails.get(n.leadId) ?? []);
      if (leads.length === 0) continue;
      const mail = digestLeadMail(notices[0].displayName, frequency, leads, this.links(userId));
      const result = await this.deliver(`lead-digest:${frequency}:${periodKey}:${userId}`, 'lead_digest', notices[0], mail);
      if (result === 'failed') failed++;
      if (result !== 'sent') continue;
      noticed.push(...notices);
      digests++;
    }
    await this.leads.recordNotices(noticed, 'digest');
    if (digests) this.logger.log(`lead digests (${frequency} ${periodKey}): ${digests} e-mail(s), ${noticed.length} lead(s)`);
    if (failed) this.logger.warn(`lead digests (${frequency} ${periodKey}): ${failed} failed, retried on the next run`);
    return { digests, leads: noticed.length };
  }

  private async deliver(
    dedupeKey: string,
    kind: 'lead_alert' | 'lead_digest',
    to: PendingNotice,
    mail: LeadMail,
  ): Promise<'sent' | 'skipped' | 'failed'> {
    const id = await this.log.claim({
      dedupeKey,
      userId: to.userId,
      to: to.email,
      kind,
      subject: mail.subject,
      body: mail.text,
      transport: this.transport.name,
    });
    if (!id) return 'skipped';
    try {
      await this.transport.send({ to: to.email, ...mail });
      await this.log.markSent(id);
      return 'sent';
    } catch (error) {
      await this.log.markFailed(id, error instanceof Error ? error.message : String(error));
      return 'failed';
    }
  }

  private links(userId: string): LeadMailLinks {
    return {
      unsubscribe: this.url(unsubscribePath(unsubscribeToken(this.secret, userId))),
      settings: this.url(ALERT_SETTINGS_PATH),
    };
  }

  private url(path: string): string {
    return new URL(path, this.config.appPublicUrl).toString();
  }

  private async leadsForMail(leadIds: readonly string[]): Promise<Map<string, LeadForMail>> {
    const leads = await this.leads.findByIds(leadIds);
    const needs = new Map((await this.needs.findByIds([...new Set(leads.map((l) => l.needId))])).map((n) => [n.id, n]));
    return new Map(
      leads.flatMap((l: LeadRow): [string, LeadForMail][] => {
        const need = needs.get(l.needId);
        return need
          ? [[l.id, { need: anonymisedNeed(need), offeringTitle: l.offeringTitle, criteria: l.criteria, link: this.url(leadPath(l.id)) }]]
          : [];
      }),
    );
  }
}
