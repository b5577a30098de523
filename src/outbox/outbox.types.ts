/** An event as handlers receive it. */
export interface OutboxEvent {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
  createdAt: Date;
}

/**
 * Delivers a batch of events of the topics it declared. Must be idempotent: delivery is at least
 * once (a crash between delivery and acknowledgement delivers again).
 */
export interface OutboxHandler {
  readonly name: string;
  handles(topic: string): boolean;
  deliver(events: OutboxEvent[]): Promise<void>;
}

/** Backoff before retry `attempt` (1-based): 1 s, 2 s, 4 s … capped, with ±20 % jitter. */
export function retryDelayMs(attempt: number, baseMs = 1000, maxMs = 5 * 60_000, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}
