import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { OutboxEvent, OutboxHandler } from '../outbox/outbox.types.js';
import { OutboxWorker } from '../outbox/outbox.worker.js';
import { LeadAnnouncer } from './lead-announcer.service.js';
import { LeadMailer } from './lead-mailer.js';
import { LEADS_FOR_NEED, LEADS_FOR_OFFERING } from './lead-vocabulary.js';

/**
 * Computes leads after a need is published or an offering is published or changed, never in the
 * request (issue 18), then tells the members on instant alerts. Redelivery is harmless: leads are
 * unique per need and vendor, and instant e-mails are claimed per lead and member — the e-mails of
 * leads a failed attempt created are sent on the retry, since they are looked up, not remembered.
 */
@Injectable()
export class LeadAlertsHandler implements OutboxHandler, OnModuleInit {
  readonly name = 'lead-alerts';

  constructor(
    private readonly worker: OutboxWorker,
    private readonly announcer: LeadAnnouncer,
    private readonly mailer: LeadMailer,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  handles(topic: string): boolean {
    return topic === LEADS_FOR_NEED || topic === LEADS_FOR_OFFERING;
  }

  async deliver(events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      const { needId, offeringId } = event.payload;
      if (event.topic === LEADS_FOR_NEED && typeof needId === 'string') {
        await this.announcer.forNeed(needId);
        await this.mailer.sendInstant(await this.announcer.leadIdsOfNeed(needId));
      } else if (event.topic === LEADS_FOR_OFFERING && typeof offeringId === 'string') {
        await this.announcer.forOffering(offeringId);
        await this.mailer.sendInstant(await this.announcer.leadIdsOfOffering(offeringId));
      }
    }
  }
}
