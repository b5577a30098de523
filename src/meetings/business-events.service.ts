import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
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
import { MeetingsErrors } from './meetings.errors.js';

/** Curators organise business-meetings events; anyone reads those past their draft (decision 028). */
@Injectable()
export class BusinessEventsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: BusinessEventsRepository,
    private readonly audit: AuditService,
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
  transition(caller: Caller, id: string, action: EventAction, dto: EventTransitionDto): Promise<BusinessEventDto> {
    return this.transactions.run(async (manager) => {
      const current = await this.found(await this.events.lockById(manager, id));
      if (dto.version !== undefined && dto.version !== current.version) {
        throw CommonErrors.STALE_VERSION(undefined, { currentVersion: current.version });
      }
      const next = assertEventTransition(current.status, action);
      const updated = await this.events.setStatus(manager, id, next);
      await this.audit.record(manager, caller, {
        action: `business_event.${action}`,
        entityType: 'business_event',
        entityId: id,
        before: { status: current.status, version: current.version },
        after: { status: updated.status, version: updated.version },
      });
      return toEventDto(updated);
    });
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
