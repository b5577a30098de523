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

/** Digests claimed and marked in the mail log per statement. */
const DIGEST_BATCH = 200;

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

  /**
   * One digest per member on `frequency` with unheard leads, for the period `periodKey`. Claimed
   * and marked in the mail log by batches (one statement per batch, not per member); a failed
   * send is marked alone and retried on the next run of the same period.
   */
  async sendDigests(frequency: 'daily' | 'weekly', periodKey: string, now: Date): Promise<DigestResult> {
    const pending = await this.leads.pendingDigests(frequency, now);
    if (pending.length === 0) return { digests: 0, leads: 0 };
    const mails = await this.leadsForMail([...new Set(pending.map((p) => p.leadId))]);
    const byUser = new Map<string, PendingNotice[]>();
    for (const p of pending) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
    const digests = [...byUser].flatMap(([userId, notices]) => {
      const leads = notices.flatMap((n) => mails.get(n.leadId) ?? []);
      if (leads.length === 0) return [];
      const mail = digestLeadMail(notices[0].displayName, frequency, leads, this.links(userId));
      return [{ key: `lead-digest:${frequency}:${periodKey}:${userId}`, to: notices[0], notices, mail }];
    });
    const noticed: PendingNotice[] = [];
    let sent = 0;
    let failed = 0;
    for (let i = 0; i < digests.length; i += DIGEST_BATCH) {
      const batch = digests.slice(i, i + DIGEST_BATCH);
      const claimed = await this.log.claimMany(
        batch.map((d) => ({
          dedupeKey: d.key,
          userId: d.to.userId,
          to: d.to.email,
          kind: 'lead_digest' as const,
          subject: d.mail.subject,
          body: d.mail.text,
          transport: this.transport.name,
        })),
      );
      const delivered: string[] = [];
      for (const d of batch) {
        const id = claimed.get(d.key);
        if (!id) continue; // this period's digest already went out
        try {
          await this.transport.send({ to: d.to.email, ...d.mail });
          delivered.push(id);
          noticed.push(...d.notices);
        } catch (error) {
          await this.log.markFailed(id, error instanceof Error ? error.message : String(error));
          failed++;
        }
      }
      await this.log.markSentMany(delivered);
      sent += delivered.length;
    }
    await this.leads.recordNotices(noticed, 'digest');
    if (sent) this.logger.log(`lead digests (${frequency} ${periodKey}): ${sent} e-mail(s), ${noticed.length} lead(s)`);
    if (failed) this.logger.warn(`lead digests (${frequency} ${periodKey}): ${failed} failed, retried on the next run`);
    return { digests: sent, leads: noticed.length };
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
