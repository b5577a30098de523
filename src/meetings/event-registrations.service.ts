import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { requireActiveOrganisation } from '../identity/access.js';
import { anonymisedNeed } from '../matches/leads.service.js';
import { criterionDtos } from '../matches/match-view.js';
import { LeadNeedsRepository } from '../matches/repositories/lead-needs.repository.js';
import { NeedsService } from '../needs/needs.service.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { BusinessEventsRepository, type BusinessEventRow } from './business-events.repository.js';
import type { AttendeeDto, ProposalDto, ProposalsDto, RegisterForEventDto, SetWishesDto } from './dto/event-registration.dto.js';
import { EventAttendeesRepository, type AttendeeRow } from './event-attendees.repository.js';
import { EventCandidatesService } from './event-candidates.service.js';
import { slotCount } from './event-lifecycle.js';
import { MeetingsErrors } from './meetings.errors.js';

export interface RegistrationChoices {
  registered: boolean;
  needs: { id: string; title: string }[];
  offerings: { id: string; title: string }[];
}

/**
 * Registration, proposals and wishes (decision 028). A vendor sees the needs proposed to it
 * anonymised: the buyer is named only in a scheduled meeting (the agenda).
 */
@Injectable()
export class EventRegistrationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: BusinessEventsRepository,
    private readonly attendees: EventAttendeesRepository,
    private readonly candidates: EventCandidatesService,
    private readonly leadNeeds: LeadNeedsRepository,
    private readonly audit: AuditService,
    private readonly needs: NeedsService,
  ) {}

  async register(caller: Caller, eventId: string, dto: RegisterForEventDto): Promise<AttendeeDto> {
    const organisationId = requireActiveOrganisation(caller);
    const event = await this.openEvent(eventId);
    const slots = slotCount(event.opensMinute, event.closesMinute, event.meetingMinutes);
    if (dto.availableSlots.some((s) => s >= slots))
      throw MeetingsErrors.EVENT_REGISTRATION_INVALID(`The event has ${slots} slots, numbered from 0.`, { slots });
    const role = caller.role === 'buyer' ? 'buyer' : 'vendor';
    if (role === 'buyer' && !(await this.buyerBringsOneNeed(dto, organisationId))) {
      throw MeetingsErrors.EVENT_REGISTRATION_INVALID(
        'A buyer registers with one of its published needs (needId) or a new one (draftNeed).',
      );
    }
    if (role === 'vendor') {
      const owned =
        dto.offeringIds && !dto.needId && !dto.draftNeed ? await this.attendees.publishedOfferingsOf(dto.offeringIds, organisationId) : [];
      if (!dto.offeringIds || owned.length !== dto.offeringIds.length) {
        throw MeetingsErrors.EVENT_REGISTRATION_INVALID('A vendor registers with its published offerings (offeringIds).');
      }
    }
    return this.transactions.run(async (manager) => {
      // The lock serialises registrations so the capacity cannot be overrun by concurrent ones.
      await this.events.lockById(manager, eventId);
      if ((await this.attendees.countForEvent(manager, eventId)) >= event.capacity) throw MeetingsErrors.EVENT_FULL();
      // A draft need is created through the needs service (its checks and audit) in this transaction.
      // It counts among the needs collected at events (source `event`) in the indicators.
      const needId =
        role !== 'buyer' ? null : dto.draftNeed ? (await this.needs.create(caller, dto.draftNeed, manager, 'event')).id : dto.needId!;
      const row = {
        eventId,
        organisationId,
        role,
        needId,
        offeringIds: role === 'vendor' ? dto.offeringIds! : [],
        availableSlots: [...dto.availableSlots].sort((a, b) => a - b),
        // No more meetings than slots offered: a larger number would promise what cannot be seated.
        maxMeetings: Math.min(dto.maxMeetings ?? dto.availableSlots.length, new Set(dto.availableSlots).size),
        registeredBy: caller.userId,
      } as const;
      const id = await this.attendees.insert(manager, row);
      await this.audit.record(manager, caller, {
        action: 'business_event.registered',
        entityType: 'business_event',
        entityId: eventId,
        after: { attendeeId: id, role },
      });
      return {
        id,
        role,
        needId: row.needId,
        offeringIds: row.offeringIds,
        availableSlots: row.availableSlots,
        maxMeetings: row.maxMeetings,
      };
    });
  }

  /** The console's registration form: the caller's attendee row if registered, and what it can register with. */
  async registrationChoices(caller: Caller, eventId: string): Promise<RegistrationChoices> {
    const organisationId = requireActiveOrganisation(caller);
    await this.found(eventId);
    const [attendee, registrable] = await Promise.all([
      this.attendees.findByOrganisation(eventId, organisationId),
      this.attendees.registrableOf(organisationId),
    ]);
    return { registered: attendee !== null, ...registrable };
  }

  async proposals(caller: Caller, eventId: string): Promise<ProposalsDto> {
    const event = await this.found(eventId);
    const me = await this.me(caller, eventId);
    const all = await this.attendees.listForEvent(eventId);
    const byId = new Map(all.map((a) => [a.id, a]));
    const pairs = await this.candidates.forEvent(event, all, me);
    const mine = pairs
      .filter((p) => (me.role === 'buyer' ? p.buyerAttendeeId : p.vendorAttendeeId) === me.id)
      .sort((a, b) => b.total - a.total);
    const wished = new Set(
      (await this.attendees.wishesForEvent(eventId)).filter((w) => w.attendeeId === me.id).map((w) => w.counterpartId),
    );
    const needs =
      me.role === 'vendor'
        ? new Map((await this.leadNeeds.findByIds([...new Set(mine.map((p) => p.needId))])).map((n) => [n.id, n]))
        : new Map();
    const items: ProposalDto[] = mine.map((p) => {
      const counterpart = me.role === 'buyer' ? p.vendorAttendeeId : p.buyerAttendeeId;
      const need = needs.get(p.needId);
      return {
        attendeeId: counterpart,
        total: p.total,
        criteria: criterionDtos(p.criteria),
        vendorName: me.role === 'buyer' ? (byId.get(counterpart)?.organisationName ?? null) : null,
        offeringTitle: p.offeringTitle,
        need: me.role === 'vendor' && need ? anonymisedNeed(need) : null,
        wished: wished.has(counterpart),
      };
    });
    return { maxWishes: event.wishesPerAttendee, items };
  }

  async setWishes(caller: Caller, eventId: string, dto: SetWishesDto): Promise<ProposalsDto> {
    const event = await this.openEvent(eventId);
    const me = await this.me(caller, eventId);
    const proposed = new Set((await this.proposals(caller, eventId)).items.map((p) => p.attendeeId));
    if (dto.attendeeIds.length > event.wishesPerAttendee || dto.attendeeIds.some((id) => !proposed.has(id))) {
      throw MeetingsErrors.EVENT_WISH_INVALID(undefined, { maxWishes: event.wishesPerAttendee });
    }
    await this.transactions.run((manager) => this.attendees.replaceWishes(manager, me.id, dto.attendeeIds));
    return this.proposals(caller, eventId);
  }

  /** Exactly one of a published need of the organisation or a draft need, and no offerings. */
  private async buyerBringsOneNeed(dto: RegisterForEventDto, organisationId: string): Promise<boolean> {
    if (dto.offeringIds || Boolean(dto.needId) === Boolean(dto.draftNeed)) return false;
    return dto.draftNeed !== undefined || this.attendees.isPublishedNeedOf(dto.needId!, organisationId);
  }

  private async me(caller: Caller, eventId: string): Promise<AttendeeRow> {
    const me = await this.attendees.findByOrganisation(eventId, requireActiveOrganisation(caller));
    if (!me) throw MeetingsErrors.EVENT_NOT_REGISTERED();
    return me;
  }

  private async found(eventId: string): Promise<BusinessEventRow> {
    const event = await this.events.findById(eventId);
    if (!event || event.status === 'draft') throw MeetingsErrors.EVENT_NOT_FOUND();
    return event;
  }

  /** Registration and wishes are taken while the event is open and its deadline ahead. */
  private async openEvent(eventId: string): Promise<BusinessEventRow> {
    const event = await this.found(eventId);
    if (event.status !== 'open' || event.registrationDeadline.getTime() <= Date.now()) throw MeetingsErrors.EVENT_REGISTRATION_CLOSED();
    return event;
  }
}
