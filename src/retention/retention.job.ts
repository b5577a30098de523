import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PeriodicTask } from '../common/periodic-task.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';

const CHECK_EVERY_MS = 6 * 3600 * 1000;
const BATCH = 500;

/**
 * RGPD retention: RETENTION_MONTHS after a need is closed or rejected, its free text (title,
 * description, curator messages) and that of its introductions and relevance marks is erased;
 * statuses, dates, use cases, places and outcomes stay, so the statistics do not change. One UPDATE per batch with
 * FOR UPDATE SKIP LOCKED: several app instances share the work without doing it twice.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionJob.name);
  private readonly schedule = new PeriodicTask('Retention job', CHECK_EVERY_MS, () => this.runOnce(), this.logger);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    @InjectConfig('retention') private readonly config: ConfigSlices['retention'],
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Anonymises every need due at `now`; returns how many. */
  async runOnce(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now);
    cutoff.setMonth(cutoff.getMonth() - this.config.months);
    const total = await this.transactions.inBatches(BATCH, async (manager) => {
      const rows = (await manager.query(
        `UPDATE need SET title = 'Besoin archivé', description = NULL, curator_message = NULL, rejection_reason = NULL,
                  anonymised_at = $2, updated_at = $2
            WHERE id IN (SELECT id FROM need
                          WHERE status IN ('closed', 'rejected') AND anonymised_at IS NULL
                            AND coalesce(closed_at, rejected_at) < $1
                          ORDER BY coalesce(closed_at, rejected_at) LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING id`,
        [cutoff, now, BATCH],
      )) as [{ id: string }[], number];
      const needIds = rows[0].map((r) => r.id);
      if (needIds.length === 0) return 0;
      await manager.query(
        `UPDATE introduction SET message = 'Message archivé.',
                  decline_comment = CASE WHEN decline_comment IS NULL THEN NULL ELSE 'Commentaire archivé.' END,
                  lost_comment = CASE WHEN lost_comment IS NULL THEN NULL ELSE 'Commentaire archivé.' END, updated_at = $2
            WHERE need_id = ANY($1::uuid[])`,
        [needIds, now],
      );
      // A buyer's comment in the three-month survey may name people (decision 033); the answers stay.
      await manager.query(
        `UPDATE outcome_survey SET comment = 'Commentaire archivé.'
            WHERE comment IS NOT NULL AND introduction_id IN (SELECT id FROM introduction WHERE need_id = ANY($1::uuid[]))`,
        [needIds],
      );
      // Curators' comments on the need's matches may quote it (decision 023).
      await manager.query(
        `UPDATE relevance_judgment SET comment = 'Commentaire archivé.', updated_at = $2
            WHERE need_id = ANY($1::uuid[]) AND comment IS NOT NULL`,
        [needIds, now],
      );
      await this.audit.record(manager, null, {
        action: 'retention.anonymise_needs',
        entityType: 'need',
        entityId: null,
        after: { needs: needIds.length, olderThanMonths: this.config.months },
      });
      return needIds.length;
    });
    if (total > 0) this.logger.log(`Retention: ${total} need(s) anonymised.`);
    return total;
  }
}
