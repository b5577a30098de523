import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { IntroductionEntity } from '../introductions/introduction.entity.js';
import { IntroductionsRepository } from '../introductions/introductions.repository.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import type { EntityManager } from 'typeorm';
import { BusinessEventsRepository, type BusinessEventRow } from './business-events.repository.js';
import type { EventFiguresDto, MarkedMeetingDto, MarkMeetingDto } from './dto/event-registration.dto.js';
import { EventAttendeesRepository, type MeetingRow } from './event-attendees.repository.js';
import { MeetingsErrors } from './meetings.errors.js';

/**
 * The day and after (decision 028): curators check meetings in as held or missed; a held meeting
 * becomes an introduction at `meeting_held`, so outcomes, KPIs and the CSV count it like any other.
 */
@Injectable()
export class EventFollowUpService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: BusinessEventsRepository,
    private readonly attendees: EventAttendeesRepository,
    private readonly introductions: IntroductionsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxRepository,
  ) {}

  async mark(caller: Caller, eventId: string, meetingId: string, dto: MarkMeetingDto): Promise<MarkedMeetingDto> {
    const event = await this.events.findById(eventId);
    if (!event) throw MeetingsErrors.EVENT_NOT_FOUND();
    if (event.status !== 'scheduled' && event.status !== 'held')
      throw MeetingsErrors.EVENT_NOT_ON_THE_DAY(undefined, { status: event.status });
    return this.transactions.run(async (manager) => {
      const meeting = await this.attendees.markMeeting(manager, eventId, meetingId, dto.outcome);
      if (!meeting) throw MeetingsErrors.EVENT_MEETING_NOT_FOUND();
      const introductionId = dto.outcome === 'held' ? await this.introductionFor(manager, caller, event, meeting) : null;
      await this.audit.record(manager, caller, {
        action: `business_event.meeting_${dto.outcome}`,
        entityType: 'business_event',
        entityId: eventId,
        after: { meetingId, introductionId },
      });
      return { id: meetingId, status: dto.outcome, introductionId };
    });
  }

  async figures(eventId: string): Promise<EventFiguresDto> {
    if (!(await this.events.findById(eventId))) throw MeetingsErrors.EVENT_NOT_FOUND();
    return this.attendees.figures(eventId);
  }

  /**
   * The pair's open introduction when there is one, moved on to `meeting_held` (the meeting is its
   * step), else a new one that starts there: both sides chose to meet and did, which is what
   * acceptance records.
   */
  private async introductionFor(manager: EntityManager, caller: Caller, event: BusinessEventRow, meeting: MeetingRow): Promise<string> {
    const attendees = new Map((await this.attendees.listForEvent(event.id, manager)).map((a) => [a.id, a]));
    const buyer = attendees.get(meeting.buyerAttendeeId)!;
    const vendor = attendees.get(meeting.vendorAttendeeId)!;
    const existing = await this.introductions.findOpenIdForPair(manager, buyer.needId!, meeting.offeringId);
    // The insert reads the new introduction back: no second read for it.
    const current = existing
      ? await this.introductions.findById(existing, manager)
      : await this.introductions.insert(manager, {
          needId: buyer.needId!,
          offeringId: meeting.offeringId,
          vendorOrganisationId: vendor.organisationId,
          buyerOrganisationId: buyer.organisationId,
          curatorId: caller.userId,
          message: `Rencontre aux rendez-vous d'affaires « ${event.title} » du ${event.date}, table ${meeting.tableNumber}.`,
        });
    const id = current?.id ?? existing!;
    if (current) await this.toMeetingHeld(manager, caller, current, { created: !existing, event, meeting });
    await this.attendees.linkIntroduction(manager, meeting.id, id);
    return id;
  }

  /**
   * An introduction still waiting for an acceptance, or connected, or created for this meeting,
   * reaches `meeting_held` as the introduction's own transition would take it there: the
   * acceptances the meeting stands for are stamped, the step is audited (from nothing for one
   * created here), and a partner who brought the need hears of the new status, whichever way the
   * introduction came (one created here used not to tell them).
   */
  private async toMeetingHeld(
    manager: EntityManager,
    caller: Caller,
    current: IntroductionEntity,
    { created, event, meeting }: { created: boolean; event: BusinessEventRow; meeting: MeetingRow },
  ): Promise<void> {
    if (current.status === 'meeting_held') return;
    const id = current.id;
    const now = new Date();
    const updated = await this.introductions.updateIfVersion(manager, id, current.version, {
      status: 'meeting_held',
      vendorAcceptedAt: current.vendorAcceptedAt ?? now,
      buyerAcceptedAt: current.buyerAcceptedAt ?? now,
      connectedAt: current.connectedAt ?? now,
      meetingHeldAt: now,
    });
    if (!updated) throw CommonErrors.STALE_VERSION();
    await this.audit.record(manager, caller, {
      action: 'introduction.meeting_held',
      entityType: 'introduction',
      entityId: id,
      before: created ? null : { status: current.status, version: current.version },
      after: { status: 'meeting_held', version: updated.version, source: 'business_event', eventId: event.id, meetingId: meeting.id },
    });
    await this.outbox.partnerIntroductionStatus(
      manager,
      { introductionId: id, needId: current.needId, partnerId: current.need?.partnerId },
      'meeting_held',
    );
  }
}
