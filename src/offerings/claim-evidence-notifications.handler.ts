import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { NotificationKind } from '../notifications/notification-kinds.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { OutboxEvent, OutboxHandler } from '../outbox/outbox.types.js';
import { OutboxWorker } from '../outbox/outbox.worker.js';
import { CLAIMS, isClaimKey } from '../sovereignty/sovereignty-claims.js';
import { CLAIM_EXPIRED, CLAIM_EXPIRING } from './claim-expiry.job.js';
import type { OfferingClaimEntity } from './offering.entity.js';
import { OfferingsRepository } from './offerings.repository.js';

const KINDS: Record<string, NotificationKind> = {
  [CLAIM_EXPIRING]: 'claim_evidence_expiring',
  [CLAIM_EXPIRED]: 'claim_evidence_expired',
};

/** 2028-06-30 → 30/06/2028, as the e-mail's reader writes dates. */
const frenchDate = (day: string): string => day.split('-').reverse().join('/');

/** "Qualification SecNumCloud (valable jusqu'au 30/06/2028)" for each claim named by an event. */
function claimLines(claims: { claim: string; validUntil: string | null }[]): string {
  return claims
    .map(
      (c) =>
        `${isClaimKey(c.claim) ? CLAIMS[c.claim].label : c.claim}${c.validUntil ? ` (valable jusqu'au ${frenchDate(c.validUntil)})` : ''}`,
    )
    .join(' ; ');
}

/**
 * The vendor's e-mails about evidence freshness (decision 026), to the vendor's active members.
 * The job claims each warning once; the event id keys the mail log, so a redelivery sends nothing.
 */
@Injectable()
export class ClaimEvidenceNotificationsHandler implements OutboxHandler, OnModuleInit {
  readonly name = 'claim-evidence-notifications';

  constructor(
    private readonly worker: OutboxWorker,
    private readonly offerings: OfferingsRepository,
    private readonly recipients: NotificationsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  handles(topic: string): boolean {
    return topic in KINDS;
  }

  async deliver(events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      const offeringId = event.payload.offeringId;
      const offering = typeof offeringId === 'string' ? await this.offerings.findById(offeringId) : null;
      if (!offering || offering.status === 'archived') continue;
      const claims =
        event.topic === CLAIM_EXPIRING
          ? await this.stillExpiring(offering.id, event.payload as { claim: string; validUntil: string })
          : ((event.payload.claims ?? []) as { claim: string; validUntil: string | null }[]);
      if (claims.length === 0) continue;
      await this.notifications.notify({
        kind: KINDS[event.topic],
        eventKey: event.id,
        recipientIds: await this.recipients.activeMemberIds(offering.vendorId),
        data: { title: offering.title, message: claimLines(claims), path: `/app/fournisseur/offres/${offering.id}` },
      });
    }
  }

  /** New evidence given since the job ran makes the warning moot. */
  private async stillExpiring(
    offeringId: string,
    warned: { claim: string; validUntil: string },
  ): Promise<{ claim: string; validUntil: string }[]> {
    const rows: OfferingClaimEntity[] = await this.offerings.claimsOf(offeringId);
    const row = rows.find((r) => r.claim === warned.claim);
    return row?.status === 'verified' && row.evidenceValidUntil === warned.validUntil ? [warned] : [];
  }
}
