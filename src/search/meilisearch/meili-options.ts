export interface MeiliOptions {
  /** Timeout of each HTTP request (MEILI_TIMEOUT_MS): an unreachable host never hangs a caller. */
  timeoutMs?: number;
  /**
   * A write gives up rather than enqueue its task later than this after it started: the outbox
   * lease (60 s) must not run out before, or another instance may have written newer data.
   */
  enqueueDeadlineMs?: number;
  /** How long a write waits for its task to succeed. */
  taskTimeoutMs?: number;
  /** How long applying the settings may take (a settings change re-indexes). */
  settingsTimeoutMs?: number;
  /** After a failed preparation, callers fail fast for this long instead of trying again. */
  retryPrepareAfterMs?: number;
}

/** Worst case of one delivery (upsert then remove): 2 × (10 s + 5 s request) + 10 s task wait < 60 s lease. */
export const MEILI_DEFAULTS: Required<MeiliOptions> = {
  timeoutMs: 5_000,
  enqueueDeadlineMs: 10_000,
  taskTimeoutMs: 10_000,
  settingsTimeoutMs: 60_000,
  retryPrepareAfterMs: 2_000,
};
