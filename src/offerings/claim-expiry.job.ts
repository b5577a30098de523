import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PeriodicTask } from '../common/periodic-task.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { OFFERING_CHANGED } from '../search/offering-document.source.js';
import { addDays, EXPIRY_WARNING_DAYS, isEvidenceExpired, parisDay } from '../sovereignty/evidence-freshness.js';
import { applySovereignty } from './offering-view.js';
import { OfferingEvidenceRepository } from './offering-evidence.repository.js';
import { OfferingsRepository } from './offerings.repository.js';

/** The job runs hourly so a restarted instance does not wait a day; the work is counted in days. */
const CHECK_EVERY_MS = 3600 * 1000;
const BATCH = 200;
/** The transaction's manager, named without importing the ORM outside repositories. */
type Manager = Parameters<OfferingsRepository['save']>[0];

/** Outbox topics of the vendor's e-mails: evidence expiring in 30 days, evidence expired. */
export const CLAIM_EXPIRING = 'offering.claim_expiring';
export const CLAIM_EXPIRED = 'offering.claim_expired';

export interface ClaimExpiryRun {
  warned: number;
  downgradedOfferings: number;
}

/**
 * Evidence freshness (issue 24, decision 026). A verification holds until the evidence's validity
 * date: the vendor is warned once 30 days before, and the day after the date the claim goes back to
 * declared, the grade is recomputed and the search document follows through the outbox. Each step
 * claims its rows in the transaction that enqueues its events, with SKIP LOCKED (the reminders'
 * pattern): several instances share the work and never send a warning twice.
 */
@Injectable()
export class ClaimExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClaimExpiryJob.name);
  private readonly schedule = new PeriodicTask('Evidence freshness', CHECK_EVERY_MS, () => this.runOnce(), this.logger);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly evidence: OfferingEvidenceRepository,
    private readonly offerings: OfferingsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
    @InjectConfig('evidenceExpiry') private readonly config: ConfigSlices['evidenceExpiry'],
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Everything due on the Paris day of `now`: expired claims downgraded, then warnings. */
  async runOnce(now: Date = new Date()): Promise<ClaimExpiryRun> {
    const today = parisDay(now);
    const downgradedOfferings = await this.downgradeExpired(today, now);
    const warned = await this.warnExpiring(today);
    if (warned || downgradedOfferings) this.logger.log(`${warned} evidence warning(s), ${downgradedOfferings} offering(s) downgraded`);
    return { warned, downgradedOfferings };
  }

  private warnExpiring(today: string): Promise<number> {
    return this.transactions.inBatches(BATCH, async (manager) => {
      const due = await this.evidence.claimWarnings(manager, today, addDays(today, EXPIRY_WARNING_DAYS), BATCH);
      for (const d of due) await this.outbox.enqueue(manager, CLAIM_EXPIRING, { ...d });
      return due.length;
    });
  }

  private async downgradeExpired(today: string, now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const { locked, downgraded } = await this.transactions.run(async (manager) => {
        const ids = await this.evidence.lockWithExpiredClaims(manager, today, BATCH);
        let count = 0;
        for (const id of ids) if (await this.downgrade(manager, id, today, now)) count++;
        return { locked: ids.length, downgraded: count };
      });
      total += downgraded;
      // A full batch where nothing changed would come back identical: stop rather than spin.
      if (locked < BATCH || downgraded === 0) return total;
    }
  }

  /** One offering, locked by the caller: its expired verifications become declarations again. */
  private async downgrade(manager: Manager, offeringId: string, today: string, now: Date): Promise<boolean> {
    const offering = await this.offerings.findById(offeringId, manager);
    if (!offering) return false;
    const claims = await this.offerings.claimsOf(offeringId, manager);
    const expired = claims.filter((c) => c.status === 'verified' && isEvidenceExpired(c.evidenceValidUntil, today));
    if (expired.length === 0) return false;
    const before = { grade: offering.sovereigntyGrade, score: offering.sovereigntyScore, verified: offering.gradeVerified };
    // A declared claim has no decision (CHECK offering_claim_decision): the audit event keeps when and why.
    for (const c of expired)
      Object.assign(c, {
        status: 'declared',
        comment: `Justificatif expiré le ${c.evidenceValidUntil}.`,
        decidedBy: null,
        decidedAt: null,
      });
    applySovereignty(offering, claims);
    const saved = await this.offerings.save(manager, offering);
    await this.offerings.saveClaims(manager, expired);
    const expiredClaims = expired.map((c) => ({ claim: c.claim, validUntil: c.evidenceValidUntil }));
    await this.audit.record(manager, null, {
      action: 'offering.claim_expire',
      entityType: 'offering',
      entityId: offeringId,
      before,
      after: {
        grade: saved.sovereigntyGrade,
        score: saved.sovereigntyScore,
        verified: saved.gradeVerified,
        expired: expiredClaims,
        at: now,
      },
    });
    if (saved.status === 'published') await this.outbox.enqueue(manager, OFFERING_CHANGED, { offeringId });
    if (saved.status !== 'archived') await this.outbox.enqueue(manager, CLAIM_EXPIRED, { offeringId, claims: expiredClaims });
    return true;
  }
}
