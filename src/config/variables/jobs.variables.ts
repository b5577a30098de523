import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { toBoolean, toInt } from '../env-transforms.js';

/** Background work: the outbox worker and the periodic jobs. */
export class JobVariables {
  /** Run the outbox worker in this process (delivers search and notification events). */
  @Transform(toBoolean)
  @IsBoolean()
  OUTBOX_WORKER_ENABLED = true;

  /** Pause between two outbox polls when the queue is empty (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 500;

  /** Events claimed per outbox batch. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBOX_BATCH_SIZE = 100;

  /** Run the introduction reminder job (every 15 minutes) and the three-month outcome survey job (hourly) in this process. */
  @Transform(toBoolean)
  @IsBoolean()
  REMINDERS_ENABLED = true;

  /** Days a side may leave an introduction unanswered before it gets its one reminder. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REMINDER_DAYS = 5;

  /** How many of a newly published need's best matches are announced to their vendors (issue 18). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LEAD_ALERT_TOP_N = 15;

  /** Run the lead digest job in this process (checks every 10 minutes; safe on several instances). */
  @Transform(toBoolean)
  @IsBoolean()
  LEAD_DIGESTS_ENABLED = true;

  /** Hour (Paris time, 0–23) from which the daily digest, and on Mondays the weekly one, goes out. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  LEAD_DIGEST_HOUR = 8;

  /** Run the evidence freshness job in this process (daily: warnings 30 days ahead, expired verifications downgraded). */
  @Transform(toBoolean)
  @IsBoolean()
  EVIDENCE_EXPIRY_ENABLED = true;

  /** Run the job that closes business-meetings registrations at their deadline in this process (every minute). */
  @Transform(toBoolean)
  @IsBoolean()
  EVENT_DEADLINES_ENABLED = true;

  /** Run the retention job in this process (daily erasure of old needs' free text). */
  @Transform(toBoolean)
  @IsBoolean()
  RETENTION_ENABLED = true;

  /** Months after a need is closed or rejected before its free text and its introductions' are erased. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(240)
  RETENTION_MONTHS = 36;
}
