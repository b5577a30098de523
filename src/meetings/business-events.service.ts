import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { Caller } from '../identity/caller.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { findCommune } from '../reference/geo/geography.js';
import { BusinessEventsRepository, type BusinessEventRow } from './business-events.repository.js';
import type { BusinessEventDto, CreateBusinessEventDto, EventTransitionDto, PublicBusinessEventDto } from './dto/business-event.dto.js';
import {
  allowedEventActions,
  assertEventTransition,
  clockTime,
  minuteOfDay,
  PUBLIC_STATUSES,
  slotTimes,
  type EventAction,
} from './event-lifecycle.js';
import { EventCandidatesService, type RankedEvent } from './event-candidates.service.js';
import { MeetingsErrors } from './meetings.errors.js';
import { parisDay } from '../common/paris-day.js';
import { parisInstant } from './agenda-calendar.js';

/** The transaction's manager, named without importing the ORM outside repositories. */
type Manager = Parameters<BusinessEventsRepository['setStatus']>[0];
/** Registrations racing a close make it rank again, at most this many times. */
const MAX_CLOSING_ATTEMPTS = 3;

/** Curators organise business-meetings events; anyone reads those past their draft (decision 028). */
@Injectable()
export class BusinessEventsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: BusinessEventsRepository,
    private readonly audit: AuditService,
    private readonly candidates: EventCandidatesService,
  ) {}

  create(caller: Caller, dto: CreateBusinessEventDto): Promise<BusinessEventDto> {
    const opensMinute = minuteOfDay(dto.opensAt);
    const closesMinute = minuteOfDay(dto.closesAt);
    if (closesMinute - opensMinute < dto.meetingMinutes) {
      throw MeetingsErrors.EVENT_INVALID_HOURS(undefined, {
        opensAt: dto.opensAt,
        closesAt: dto.closesAt,
        meetingMinutes: dto.meetingMinutes,
      });
    }
    // An event is organised ahead: its day is today or later (Paris), and registration (and
    // wishes) close before its first meeting, which the scheduler needs them for.
    if (dto.date < parisDay()) throw MeetingsErrors.EVENT_INVALID_DATES('The event day is already past.', { date: dto.date });
    const firstMeeting = parisInstant(dto.date, opensMinute);
    if (new Date(dto.registrationDeadline) > firstMeeting) {
      throw MeetingsErrors.EVENT_INVALID_DATES('Registration must close before the first meeting.', {
        registrationDeadline: dto.registrationDeadline,
        firstMeeting: firstMeeting.toISOString(),
      });
    }
    return this.transactions.run(async (manager) => {
      const row = await this.events.insert(manager, {
        title: dto.title,
        description: dto.description ?? null,
        date: dto.date,
        communeCode: dto.communeCode,
        venue: dto.venue ?? null,
        opensMinute,
        closesMinute,
        meetingMinutes: dto.meetingMinutes,
        tables: dto.tables,
        capacity: dto.capacity,
        wishesPerAttendee: dto.wishesPerAttendee ?? 8,
        registrationDeadline: new Date(dto.registrationDeadline),
        createdBy: caller.userId,
      });
      await this.audit.record(manager, caller, {
        action: 'business_event.created',
        entityType: 'business_event',
        entityId: row.id,
        after: { status: row.status, date: row.date },
      });
      return toEventDto(row);
    });
  }

  async get(id: string): Promise<BusinessEventDto> {
    return toEventDto(await this.found(await this.events.findById(id)));
  }

  async list(): Promise<BusinessEventDto[]> {
    return (await this.events.list(null)).map(toEventDto);
  }

  async getPublic(id: string): Promise<PublicBusinessEventDto> {
    const row = await this.events.findById(id);
    // A draft does not exist for the public: same 404 as an unknown id.
    if (!row || !PUBLIC_STATUSES.includes(row.status)) throw MeetingsErrors.EVENT_NOT_FOUND();
    return toPublicDto(row);
  }

  async listPublic(): Promise<PublicBusinessEventDto[]> {
    return (await this.events.list(PUBLIC_STATUSES)).map((row) => toPublicDto(row));
  }

  /** One lifecycle step, audited with the states before and after, under a row lock. */
  async transition(caller: Caller, id: string, action: EventAction, dto: EventTransitionDto): Promise<BusinessEventDto> {
    for (let attempt = 1; ; attempt++) {
      // Closing stores the proposals: ranked before the transaction, which only checks and writes them.
      const ranked = action === 'close' ? await this.candidates.rankForClosing(id) : null;
      const updated = await this.transactions.run(async (manager) => {
        const current = await this.found(await this.events.lockById(manager, id));
        if (dto.version !== undefined && dto.version !== current.version) {
          throw CommonErrors.STALE_VERSION(undefined, { currentVersion: current.version });
        }
        return this.step(manager, caller, current, action, ranked, attempt === MAX_CLOSING_ATTEMPTS);
      });
      if (updated) return toEventDto(updated);
    }
  }

  /**
   * Closes the registration of every open event whose deadline is at or before `now`, each in its
   * own transaction, claimed with SKIP LOCKED so several instances never close one twice; audited
   * as done by the system. Returns the ids closed.
   */
  async closeDueRegistrations(now: Date = new Date()): Promise<string[]> {
    const closed: string[] = [];
    for (const id of await this.events.dueForClosing(now)) {
      for (let attempt = 1; attempt <= MAX_CLOSING_ATTEMPTS; attempt++) {
        const ranked = await this.candidates.rankForClosing(id);
        const outcome = await this.transactions.run(async (manager) => {
          const due = await this.events.lockIfDueForClosing(manager, id, now);
          // Another instance has it, or closed it already.
          if (!due) return 'gone';
          return (await this.step(manager, null, due, 'close', ranked, attempt === MAX_CLOSING_ATTEMPTS)) ? 'closed' : 'retry';
        });
        if (outcome === 'closed') closed.push(id);
        if (outcome !== 'retry') break;
      }
    }
    return closed;
  }

  /**
   * Applies `action` to the locked event; closing stores the proposals ranked beforehand. Null when
   * a registration came in since they were ranked (the caller ranks again); on the last attempt the
   * proposals are not stored, and are ranked when read, as for an event closed before they were.
   */
  private async step(
    manager: Manager,
    actor: AuditActor,
    current: BusinessEventRow,
    action: EventAction,
    ranked: RankedEvent | null,
    lastAttempt: boolean,
  ): Promise<BusinessEventRow | null> {
    const next = assertEventTransition(current.status, action);
    const stored = ranked ? await this.candidates.store(manager, current.id, ranked) : false;
    if (ranked && !stored && !lastAttempt) return null;
    const updated = await this.events.setStatus(manager, current.id, next);
    await this.audit.record(manager, actor, {
      action: `business_event.${action}`,
      entityType: 'business_event',
      entityId: current.id,
      before: { status: current.status, version: current.version },
      after: { status: updated.status, version: updated.version, ...(stored ? { proposals: ranked!.pairs.length } : {}) },
    });
    return updated;
  }

  private async found(row: BusinessEventRow | null): Promise<BusinessEventRow> {
    if (!row) throw MeetingsErrors.EVENT_NOT_FOUND();
    return row;
  }
}

export function toPublicDto(row: BusinessEventRow, now = new Date()): PublicBusinessEventDto {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    date: row.date,
    communeCode: row.communeCode,
    communeName: findCommune(row.communeCode)?.name ?? row.communeCode,
    venue: row.venue,
    opensAt: clockTime(row.opensMinute),
    closesAt: clockTime(row.closesMinute),
    meetingMinutes: row.meetingMinutes,
    slots: slotTimes(row.opensMinute, row.closesMinute, row.meetingMinutes),
    tables: row.tables,
    capacity: row.capacity,
    wishesPerAttendee: row.wishesPerAttendee,
    registrationDeadline: row.registrationDeadline.toISOString(),
    status: row.status,
    registrationOpen: row.status === 'open' && row.registrationDeadline.getTime() > now.getTime(),
  };
}

function toEventDto(row: BusinessEventRow): BusinessEventDto {
  return {
    ...toPublicDto(row),
    version: row.version,
    allowedActions: allowedEventActions(row.status),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
