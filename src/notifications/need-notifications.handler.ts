import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NeedsRepository } from '../needs/needs.repository.js';
import type { OutboxEvent, OutboxHandler } from '../outbox/outbox.types.js';
import { OutboxWorker } from '../outbox/outbox.worker.js';
import type { NotificationKind } from './notification-kinds.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/** Which e-mail each need event becomes, and for whom (DESIGN §9). */
const NEED_EVENTS: Record<string, { kind: NotificationKind; to: 'curators' | 'buyer' }> = {
  'need.submitted': { kind: 'need_submitted', to: 'curators' },
  'need.changes_requested': { kind: 'need_changes_requested', to: 'buyer' },
  'need.published': { kind: 'need_published', to: 'buyer' },
  'need.rejected': { kind: 'need_rejected', to: 'buyer' },
};

@Injectable()
export class NeedNotificationsHandler implements OutboxHandler, OnModuleInit {
  readonly name = 'need-notifications';

  constructor(
    private readonly worker: OutboxWorker,
    private readonly needs: NeedsRepository,
    private readonly recipients: NotificationsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  handles(topic: string): boolean {
    return topic in NEED_EVENTS;
  }

  async deliver(events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      const rule = NEED_EVENTS[event.topic];
      const need = typeof event.payload.needId === 'string' ? await this.needs.findById(event.payload.needId) : null;
      if (!need) continue; // nothing left to tell about
      const recipientIds =
        rule.to === 'curators'
          ? await this.recipients.activeStaffIds('curator')
          : await this.recipients.activeMemberIds(need.organisationId);
      await this.notifications.notify({
        kind: rule.kind,
        eventKey: event.id,
        recipientIds,
        data: {
          title: need.title,
          message:
            rule.kind === 'need_changes_requested'
              ? (need.curatorMessage ?? undefined)
              : rule.kind === 'need_rejected'
                ? (need.rejectionReason ?? undefined)
                : undefined,
          path: `/app/besoins/${need.id}`,
        },
      });
    }
  }
}
