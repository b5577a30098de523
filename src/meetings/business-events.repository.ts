import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventStatus } from './event-lifecycle.js';

export interface BusinessEventRow {
  id: string;
  title: string;
  description: string | null;
  date: string;
  communeCode: string;
  venue: string | null;
  opensMinute: number;
  closesMinute: number;
  meetingMinutes: number;
  tables: number;
  capacity: number;
  wishesPerAttendee: number;
  registrationDeadline: Date;
  /** When registration closed and the proposals were stored; null before (or for events closed before they were). */
  proposalsStoredAt: Date | null;
  status: EventStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewBusinessEvent = Omit<BusinessEventRow, 'id' | 'status' | 'version' | 'proposalsStoredAt' | 'createdAt' | 'updatedAt'> & {
  createdBy: string;
};

const COLUMNS = `id, title, description, to_char(event_date, 'YYYY-MM-DD') AS date, commune_code AS "communeCode", venue,
  opens_minute AS "opensMinute", closes_minute AS "closesMinute", meeting_minutes AS "meetingMinutes", tables, capacity,
  wishes_per_attendee AS "wishesPerAttendee", registration_deadline AS "registrationDeadline",
  proposals_stored_at AS "proposalsStoredAt", status, version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Business-meetings events (decision 028). Writes go through the caller's transaction manager. */
@Injectable()
export class BusinessEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, e: NewBusinessEvent): Promise<BusinessEventRow> {
    const [row] = (await manager.query(
      `INSERT INTO business_event (title, description, event_date, commune_code, venue, opens_minute, closes_minute, meeting_minutes,
         tables, capacity, wishes_per_attendee, registration_deadline, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
      [
        e.title,
        e.description,
        e.date,
        e.communeCode,
        e.venue,
        e.opensMinute,
        e.closesMinute,
        e.meetingMinutes,
        e.tables,
        e.capacity,
        e.wishesPerAttendee,
        e.registrationDeadline,
        e.createdBy,
      ],
    )) as BusinessEventRow[];
    return row;
  }

  async findById(id: string, manager?: EntityManager): Promise<BusinessEventRow | null> {
    const rows = (await (manager ?? this.dataSource).query(`SELECT ${COLUMNS} FROM business_event WHERE id = $1`, [
      id,
    ])) as BusinessEventRow[];
    return rows[0] ?? null;
  }

  /** Locks the row for a transition, so two curators' clicks are applied one after the other. */
  async lockById(manager: EntityManager, id: string): Promise<BusinessEventRow | null> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM business_event WHERE id = $1 FOR UPDATE`, [id])) as BusinessEventRow[];
    return rows[0] ?? null;
  }

  /** Open events whose registration deadline is at or before `now`, soonest first. */
  async dueForClosing(now: Date): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM business_event WHERE status = 'open' AND registration_deadline <= $1 ORDER BY registration_deadline, id LIMIT 100`,
      [now],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Locks the event if it is still open past its deadline and no other instance holds it (SKIP LOCKED); null otherwise. */
  async lockIfDueForClosing(manager: EntityManager, id: string, now: Date): Promise<BusinessEventRow | null> {
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM business_event WHERE id = $1 AND status = 'open' AND registration_deadline <= $2 FOR UPDATE SKIP LOCKED`,
      [id, now],
    )) as BusinessEventRow[];
    return rows[0] ?? null;
  }

  async setStatus(manager: EntityManager, id: string, status: EventStatus): Promise<BusinessEventRow> {
    const [rows] = (await manager.query(
      `UPDATE business_event SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, status],
    )) as [BusinessEventRow[], number];
    return rows[0];
  }

  /** Events by day, the latest first; `statuses` restricts them (the public sees no draft). */
  async list(statuses: readonly EventStatus[] | null): Promise<BusinessEventRow[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM business_event WHERE $1::text[] IS NULL OR status = ANY($1) ORDER BY event_date DESC, created_at DESC LIMIT 200`,
      [statuses],
    )) as BusinessEventRow[];
  }
}
