import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { PARTNER_INTRODUCTION_STATUS, PARTNER_NEED_STATUS } from '../outbox/partner-topics.js';
import type { OutboxEvent, OutboxHandler } from '../outbox/outbox.types.js';
import { OutboxWorker } from '../outbox/outbox.worker.js';
import type { WebhookEventDto, WebhookEventType } from './dto/webhook.dto.js';
import { PartnerWebhooksRepository, type WebhookRow } from './partner-webhooks.repository.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';
import { postToTarget, SCREENING_REFUSED, screenWebhookUrl } from './webhook-target.js';

const TYPES: Readonly<Record<string, WebhookEventType>> = {
  [PARTNER_NEED_STATUS]: 'need.status_changed',
  [PARTNER_INTRODUCTION_STATUS]: 'introduction.status_changed',
};

/** The event's `data`: what the partner may know, without the routing fields. */
function dataOf(event: OutboxEvent): WebhookEventDto['data'] {
  const p = event.payload as Record<string, string>;
  return event.topic === PARTNER_NEED_STATUS
    ? { needId: p.needId, status: p.status }
    : { introductionId: p.introductionId, needId: p.needId, status: p.status };
}

/**
 * Delivers partner events to their webhook, signed (decision 029). Every attempt is logged; an
 * event already delivered to this webhook is skipped, so the outbox's retries (with its backoff)
 * resend only what failed. After PARTNER_WEBHOOK_DISABLE_AFTER failures in a row the webhook is
 * switched off and its events are dropped until the partner sets it again.
 */
@Injectable()
export class PartnerWebhookHandler implements OutboxHandler, OnModuleInit {
  readonly name = 'partner-webhooks';
  private readonly logger = new Logger(PartnerWebhookHandler.name);

  constructor(
    private readonly worker: OutboxWorker,
    private readonly webhooks: PartnerWebhooksRepository,
    @InjectConfig('partners') private readonly config: ConfigSlices['partners'],
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  handles(topic: string): boolean {
    return topic in TYPES;
  }

  async deliver(events: OutboxEvent[]): Promise<void> {
    const failures: string[] = [];
    for (const event of events) {
      const webhook = await this.webhooks.findByPartner(String(event.payload.partnerId));
      if (!webhook?.enabled || (await this.webhooks.wasDelivered(webhook.id, event.id))) continue;
      const failure = await this.post(webhook, event);
      if (failure) failures.push(failure);
    }
    if (failures.length) throw new Error(`${failures.length} webhook deliver(ies) failed: ${failures[0]}`);
  }

  /** One attempt; returns the failure to retry, or null when delivered or when the webhook just got switched off. */
  private async post(webhook: WebhookRow, event: OutboxEvent): Promise<string | null> {
    const type = TYPES[event.topic];
    const body = JSON.stringify({
      id: event.id,
      type,
      createdAt: event.createdAt.toISOString(),
      data: dataOf(event),
    } satisfies WebhookEventDto);
    // The worker counts the attempt when it claims the event, so this one is already in `attempts`.
    const attempt = { eventId: event.id, eventType: type, attempt: Math.max(1, event.attempts) };
    let httpStatus: number | null = null;
    let error: string;
    try {
      // Screened again at each delivery, and the connection pinned to the checked address: a name
      // that resolved to a public address when it was set may point inside our network now.
      const target = await screenWebhookUrl(webhook.url, this.config.webhookAllowPrivate);
      if (typeof target === 'string') throw new Error(`${SCREENING_REFUSED}${target}`);
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'CircuitIA-Webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(webhook.secret, body),
        'x-circuit-event': type,
        'x-circuit-delivery': event.id,
      };
      httpStatus = await postToTarget(target, headers, body, this.config.webhookTimeoutMs);
      if (httpStatus >= 200 && httpStatus < 300) {
        await this.webhooks.recordSuccess(webhook.id, { ...attempt, httpStatus });
        return null;
      }
      error = `HTTP ${httpStatus}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const disabled = await this.webhooks.recordFailure(webhook.id, { ...attempt, httpStatus, error }, this.config.webhookDisableAfter);
    if (disabled) {
      this.logger.warn(`Webhook of partner ${webhook.partnerId} switched off after ${this.config.webhookDisableAfter} failures in a row`);
      return null;
    }
    return `${webhook.url}: ${error}`;
  }
}
