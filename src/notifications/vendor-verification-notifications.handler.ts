import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import type { OutboxEvent, OutboxHandler } from '../outbox/outbox.types.js';
import { OutboxWorker } from '../outbox/outbox.worker.js';
import { VENDOR_VERIFICATION_TOPICS } from '../outbox/vendor-verification-topics.js';
import type { NotificationKind } from './notification-kinds.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/** Which e-mail each verification step becomes, for whom, and what it quotes. */
const STEPS: Record<string, { kind: NotificationKind; to: 'vendor' | 'curators'; quote: 'message' | 'answer' | null }> = {
  [VENDOR_VERIFICATION_TOPICS.verified]: { kind: 'vendor_verified', to: 'vendor', quote: null },
  [VENDOR_VERIFICATION_TOPICS.refused]: { kind: 'vendor_refused', to: 'vendor', quote: 'message' },
  [VENDOR_VERIFICATION_TOPICS.informationRequested]: { kind: 'vendor_information_requested', to: 'vendor', quote: 'message' },
  [VENDOR_VERIFICATION_TOPICS.answered]: { kind: 'vendor_answered', to: 'curators', quote: 'answer' },
};

/** E-mails of a vendor's verification (issue 23), sent once the step committed. */
@Injectable()
export class VendorVerificationNotificationsHandler implements OutboxHandler, OnModuleInit {
  readonly name = 'vendor-verification-notifications';

  constructor(
    private readonly worker: OutboxWorker,
    private readonly organisations: OrganisationsRepository,
    private readonly recipients: NotificationsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  handles(topic: string): boolean {
    return topic in STEPS;
  }

  async deliver(events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      const step = STEPS[event.topic];
      const vendorId = event.payload.vendorId;
      const vendor = typeof vendorId === 'string' ? await this.organisations.findById(vendorId) : null;
      if (!vendor) continue;
      const toVendor = step.to === 'vendor';
      const quoted = step.quote === 'message' ? vendor.verificationMessage : step.quote === 'answer' ? vendor.verificationAnswer : null;
      await this.notifications.notify({
        kind: step.kind,
        eventKey: event.id,
        recipientIds: toVendor ? await this.recipients.activeMemberIds(vendor.id) : await this.recipients.activeStaffIds('curator'),
        data: {
          title: vendor.name,
          message: quoted ?? undefined,
          path: toVendor ? '/app/fournisseur' : `/app/curation/fournisseurs/${vendor.id}`,
        },
      });
    }
  }
}
