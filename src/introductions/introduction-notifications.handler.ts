import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { NotificationKind } from '../notifications/notification-kinds.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { OutboxEvent, OutboxHandler } from '../outbox/outbox.types.js';
import { OutboxWorker } from '../outbox/outbox.worker.js';
import { pendingSides, type Side } from './introduction-lifecycle.js';
import { DECLINE_REASON_LABELS } from './introduction.labels.js';
import type { IntroductionEntity } from './introduction.entity.js';
import { IntroductionsRepository } from './introductions.repository.js';
import { DEAL_VALUE_BANDS, LOST_REASON_LABELS } from './deal-outcome.js';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** "Montant : 18 000 € · début le 01/02/2027", from what the parties told. */
function dealSummary(i: IntroductionEntity): string | undefined {
  const parts: string[] = [];
  if (i.dealAmountEur !== null) parts.push(`Montant : ${euros.format(i.dealAmountEur)} HT`);
  else if (i.dealValueBand) parts.push(`Montant : ${DEAL_VALUE_BANDS[i.dealValueBand].label} HT`);
  if (i.dealStartDate) parts.push(`début le ${i.dealStartDate.split('-').reverse().join('/')}`);
  return parts.length ? parts.join(' · ') : undefined;
}

type Audience = Side | 'curators' | 'others';

/** Which e-mail each introduction event becomes, and for whom (DESIGN §9). */
const INTRODUCTION_EVENTS: Record<string, { kind: NotificationKind; to: Audience[] }> = {
  'introduction.proposed': { kind: 'introduction_proposed', to: ['vendor', 'buyer'] },
  // One side accepted: the other side is told its answer is the last one missing.
  'introduction.vendor_accepted': { kind: 'introduction_accepted', to: ['buyer'] },
  'introduction.buyer_accepted': { kind: 'introduction_accepted', to: ['vendor'] },
  'introduction.connected': { kind: 'introduction_connected', to: ['vendor', 'buyer'] },
  'introduction.vendor_declined': { kind: 'introduction_declined', to: ['buyer', 'curators'] },
  'introduction.buyer_declined': { kind: 'introduction_declined', to: ['vendor', 'curators'] },
  // Raised by the reminder job with the side still to answer in the payload.
  'introduction.reminder': { kind: 'introduction_reminder', to: [] },
  // The follow-up: the other side and the introduction's curator, never the one who acted (issue 24).
  'introduction.meeting_held': { kind: 'introduction_meeting_held', to: ['others'] },
  'introduction.won': { kind: 'introduction_won', to: ['others'] },
  'introduction.lost': { kind: 'introduction_lost', to: ['others'] },
  'introduction.cancelled': { kind: 'introduction_cancelled', to: ['others'] },
};

@Injectable()
export class IntroductionNotificationsHandler implements OutboxHandler, OnModuleInit {
  readonly name = 'introduction-notifications';

  constructor(
    private readonly worker: OutboxWorker,
    private readonly introductions: IntroductionsRepository,
    private readonly recipients: NotificationsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  handles(topic: string): boolean {
    return topic in INTRODUCTION_EVENTS;
  }

  async deliver(events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      const rule = INTRODUCTION_EVENTS[event.topic];
      const id = event.payload.introductionId;
      const introduction = typeof id === 'string' ? await this.introductions.findById(id) : null;
      if (!introduction) continue; // nothing left to tell about
      let audience = rule.to;
      if (rule.kind === 'introduction_reminder') {
        const side = event.payload.side as Side;
        // An answer given since the job ran makes the reminder moot.
        audience = pendingSides(introduction.status).includes(side) ? [side] : [];
      }
      if (audience.length === 0) continue;
      await this.notifications.notify({
        kind: rule.kind,
        eventKey: event.id,
        recipientIds: audience.includes('others')
          ? await this.othersThan(introduction, event.payload.side, event.payload.actorId)
          : await this.recipientIds(introduction, audience),
        data: {
          title: introduction.need!.title,
          message: this.message(rule.kind, introduction),
          path: `/app/mises-en-relation/${introduction.id}`,
        },
      });
    }
  }

  /** Both sides and the introduction's curator, less the side (and the person) who acted. */
  private async othersThan(introduction: IntroductionEntity, side: unknown, actorId: unknown): Promise<string[]> {
    const sides = (['vendor', 'buyer'] as const).filter((s) => s !== side);
    const ids = await this.recipientIds(introduction, [...sides]);
    if (introduction.curatorId) ids.push(introduction.curatorId);
    return ids.filter((id) => id !== actorId);
  }

  private async recipientIds(introduction: IntroductionEntity, audience: Audience[]): Promise<string[]> {
    const ids: string[] = [];
    for (const who of audience) {
      if (who === 'curators') ids.push(...(await this.recipients.activeStaffIds('curator')));
      else
        ids.push(
          ...(await this.recipients.activeMemberIds(
            who === 'vendor' ? introduction.vendorOrganisationId : introduction.buyerOrganisationId,
          )),
        );
    }
    return ids;
  }

  /** The curator's note on a proposal, the reason of a decline; no contact detail ever goes in a mail body. */
  private message(kind: NotificationKind, introduction: IntroductionEntity): string | undefined {
    if (kind === 'introduction_proposed') return introduction.message;
    if (kind === 'introduction_declined' && introduction.declineReason) return DECLINE_REASON_LABELS[introduction.declineReason];
    if (kind === 'introduction_won') return dealSummary(introduction);
    if (kind === 'introduction_lost' && introduction.lostReason) return LOST_REASON_LABELS[introduction.lostReason];
    return undefined;
  }
}
