import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface AttendeeRow {
  id: string;
  eventId: string;
  organisationId: string;
  organisationName: string;
  role: 'buyer' | 'vendor';
  needId: string | null;
  offeringIds: string[];
  availableSlots: number[];
  maxMeetings: number;
}

export type NewAttendee = Omit<AttendeeRow, 'id' | 'organisationName'> & { registeredBy: string };

export type MeetingStatus = 'scheduled' | 'held' | 'no_show';

export interface MeetingRow {
  id: string;
  status: MeetingStatus;
  introductionId: string | null;
  buyerAttendeeId: string;
  vendorAttendeeId: string;
  offeringId: string;
  offeringTitle: string;
  slot: number;
  tableNumber: number;
  score: number;
}

export type NewMeeting = Omit<MeetingRow, 'id' | 'offeringTitle' | 'status' | 'introductionId'>;

const ATTENDEE = `a.id, a.event_id AS "eventId", a.organisation_id AS "organisationId", o.name AS "organisationName", a.role,
  a.need_id AS "needId", a.offering_ids AS "offeringIds", a.available_slots AS "availableSlots", a.max_meetings AS "maxMeetings"`;

/** Attendees, wishes and meetings of business-meetings events (decision 028). */
@Injectable()
export class EventAttendeesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, a: NewAttendee): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO event_attendee (event_id, organisation_id, role, need_id, offering_ids, available_slots, max_meetings, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [a.eventId, a.organisationId, a.role, a.needId, a.offeringIds, a.availableSlots, a.maxMeetings, a.registeredBy],
    )) as { id: string }[];
    return row.id;
  }

  async countForEvent(manager: EntityManager, eventId: string): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM event_attendee WHERE event_id = $1`, [eventId])) as { n: number }[];
    return row.n;
  }

  async listForEvent(eventId: string, manager?: EntityManager): Promise<AttendeeRow[]> {
    return (await (manager ?? this.dataSource).query(
      `SELECT ${ATTENDEE} FROM event_attendee a JOIN organisation o ON o.id = a.organisation_id WHERE a.event_id = $1 ORDER BY a.created_at, a.id`,
      [eventId],
    )) as AttendeeRow[];
  }

  async findByOrganisation(eventId: string, organisationId: string): Promise<AttendeeRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${ATTENDEE} FROM event_attendee a JOIN organisation o ON o.id = a.organisation_id WHERE a.event_id = $1 AND a.organisation_id = $2`,
      [eventId, organisationId],
    )) as AttendeeRow[];
    return rows[0] ?? null;
  }

  /** Whether the need is a published one of the organisation. */
  async isPublishedNeedOf(needId: string, organisationId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM need WHERE id = $1 AND organisation_id = $2 AND status = 'published'`, [
      needId,
      organisationId,
    ])) as unknown[];
    return rows.length === 1;
  }

  /** What an organisation can register with: its published needs (a buyer) or offerings (a vendor), by title. */
  async registrableOf(
    organisationId: string,
  ): Promise<{ needs: { id: string; title: string }[]; offerings: { id: string; title: string }[] }> {
    const [needs, offerings] = await Promise.all([
      this.dataSource.query(`SELECT id, title FROM need WHERE organisation_id = $1 AND status = 'published' ORDER BY title, id LIMIT 100`, [
        organisationId,
      ]) as Promise<{ id: string; title: string }[]>,
      this.dataSource.query(`SELECT id, title FROM offering WHERE vendor_id = $1 AND status = 'published' ORDER BY title, id LIMIT 100`, [
        organisationId,
      ]) as Promise<{ id: string; title: string }[]>,
    ]);
    return { needs, offerings };
  }

  /** Which of the offerings are published ones of the vendor. */
  async publishedOfferingsOf(offeringIds: readonly string[], vendorId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT id FROM offering WHERE id = ANY($1) AND vendor_id = $2 AND status = 'published'`, [
      offeringIds,
      vendorId,
    ])) as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }

  async replaceWishes(manager: EntityManager, attendeeId: string, counterpartIds: readonly string[]): Promise<void> {
    await manager.query(`DELETE FROM event_wish WHERE attendee_id = $1`, [attendeeId]);
    if (counterpartIds.length) {
      await manager.query(`INSERT INTO event_wish (attendee_id, counterpart_id) SELECT $1, unnest($2::uuid[])`, [
        attendeeId,
        counterpartIds,
      ]);
    }
  }

  /** Every wish of the event's attendees, as (attendee, counterpart). */
  async wishesForEvent(eventId: string): Promise<{ attendeeId: string; counterpartId: string }[]> {
    return (await this.dataSource.query(
      `SELECT w.attendee_id AS "attendeeId", w.counterpart_id AS "counterpartId" FROM event_wish w JOIN event_attendee a ON a.id = w.attendee_id WHERE a.event_id = $1`,
      [eventId],
    )) as { attendeeId: string; counterpartId: string }[];
  }

  /** The event's meetings that hold a seat: scheduled, held or missed (not cancelled). */
  async seatedMeetings(eventId: string, manager?: EntityManager): Promise<MeetingRow[]> {
    return (await (manager ?? this.dataSource).query(
      `SELECT m.id, m.status, m.introduction_id AS "introductionId", m.buyer_attendee_id AS "buyerAttendeeId", m.vendor_attendee_id AS "vendorAttendeeId", m.offering_id AS "offeringId",
              f.title AS "offeringTitle", m.slot, m.table_number AS "tableNumber", m.score
       FROM event_meeting m JOIN offering f ON f.id = m.offering_id
       WHERE m.event_id = $1 AND m.status <> 'cancelled' ORDER BY m.slot, m.table_number`,
      [eventId],
    )) as MeetingRow[];
  }

  async insertMeetings(manager: EntityManager, eventId: string, meetings: readonly NewMeeting[]): Promise<void> {
    if (meetings.length === 0) return;
    await manager.query(
      `INSERT INTO event_meeting (event_id, buyer_attendee_id, vendor_attendee_id, offering_id, slot, table_number, score)
       SELECT $1, b, v, f, s, t, sc FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::int[], $7::float8[]) AS x(b, v, f, s, t, sc)`,
      [
        eventId,
        meetings.map((m) => m.buyerAttendeeId),
        meetings.map((m) => m.vendorAttendeeId),
        meetings.map((m) => m.offeringId),
        meetings.map((m) => m.slot),
        meetings.map((m) => m.tableNumber),
        meetings.map((m) => m.score),
      ],
    );
  }

  /** Check-in: a scheduled meeting becomes held or no-show; null when there is no such scheduled meeting. */
  async markMeeting(manager: EntityManager, eventId: string, meetingId: string, status: 'held' | 'no_show'): Promise<MeetingRow | null> {
    const [, count] = (await manager.query(
      `UPDATE event_meeting SET status = $3, marked_at = now() WHERE id = $1 AND event_id = $2 AND status = 'scheduled'`,
      [meetingId, eventId, status],
    )) as [unknown, number];
    if (count !== 1) return null;
    return (await this.seatedMeetings(eventId, manager)).find((m) => m.id === meetingId) ?? null;
  }

  async linkIntroduction(manager: EntityManager, meetingId: string, introductionId: string): Promise<void> {
    await manager.query(`UPDATE event_meeting SET introduction_id = $2 WHERE id = $1`, [meetingId, introductionId]);
  }

  /** The curator's figures: meetings by status, and the introductions they became by status. */
  async figures(
    eventId: string,
  ): Promise<{ seated: number; held: number; noShows: number; cancelled: number; introductions: number; won: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE m.status <> 'cancelled')::int AS seated, count(*) FILTER (WHERE m.status = 'held')::int AS held,
              count(*) FILTER (WHERE m.status = 'no_show')::int AS "noShows", count(*) FILTER (WHERE m.status = 'cancelled')::int AS cancelled,
              count(i.id)::int AS introductions, count(*) FILTER (WHERE i.status = 'won')::int AS won
       FROM event_meeting m LEFT JOIN introduction i ON i.id = m.introduction_id WHERE m.event_id = $1`,
      [eventId],
    )) as { seated: number; held: number; noShows: number; cancelled: number; introductions: number; won: number }[];
    return row;
  }

  async setPairOverride(
    manager: EntityManager,
    o: { buyerAttendeeId: string; vendorAttendeeId: string; kind: 'added' | 'removed'; offeringId: string | null; createdBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO event_pair_override (buyer_attendee_id, vendor_attendee_id, kind, offering_id, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (buyer_attendee_id, vendor_attendee_id) DO UPDATE SET kind = EXCLUDED.kind, offering_id = EXCLUDED.offering_id,
         created_by = EXCLUDED.created_by, created_at = now()`,
      [o.buyerAttendeeId, o.vendorAttendeeId, o.kind, o.offeringId, o.createdBy],
    );
  }

  async pairOverrides(eventId: string): Promise<
    {
      buyerAttendeeId: string;
      vendorAttendeeId: string;
      kind: 'added' | 'removed';
      offeringId: string | null;
      offeringTitle: string | null;
    }[]
  > {
    return (await this.dataSource.query(
      `SELECT p.buyer_attendee_id AS "buyerAttendeeId", p.vendor_attendee_id AS "vendorAttendeeId", p.kind, p.offering_id AS "offeringId", f.title AS "offeringTitle"
         FROM event_pair_override p JOIN event_attendee a ON a.id = p.buyer_attendee_id LEFT JOIN offering f ON f.id = p.offering_id
        WHERE a.event_id = $1`,
      [eventId],
    )) as {
      buyerAttendeeId: string;
      vendorAttendeeId: string;
      kind: 'added' | 'removed';
      offeringId: string | null;
      offeringTitle: string | null;
    }[];
  }

  /**
   * Claims the attendee's agenda mail: false when this very agenda (its fingerprint) was already
   * mailed, by a redelivery or by an earlier run that seated the same meetings. With
   * `onlyIfMailedBefore` (an empty agenda), also false when nothing was ever mailed.
   */
  async claimAgendaMail(attendeeId: string, version: number, digest: string, onlyIfMailedBefore = false): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE event_attendee SET agenda_mailed_version = $2, agenda_mailed_digest = $3
       WHERE id = $1 AND agenda_mailed_digest IS DISTINCT FROM $3 AND (NOT $4 OR agenda_mailed_digest IS NOT NULL)`,
      [attendeeId, version, digest, onlyIfMailedBefore],
    )) as [unknown, number];
    return count === 1;
  }

  /** The active members of an organisation who can receive e-mail. */
  async membersOf(organisationId: string): Promise<{ email: string; displayName: string }[]> {
    return (await this.dataSource.query(
      `SELECT email, display_name AS "displayName" FROM app_user
        WHERE organisation_id = $1 AND membership_status = 'active' AND deleted_at IS NULL AND email IS NOT NULL ORDER BY email`,
      [organisationId],
    )) as { email: string; displayName: string }[];
  }

  /** Pairs whose meeting was cancelled: a re-run does not seat them again. */
  async cancelledPairs(eventId: string): Promise<{ buyerAttendeeId: string; vendorAttendeeId: string }[]> {
    return (await this.dataSource.query(
      `SELECT DISTINCT buyer_attendee_id AS "buyerAttendeeId", vendor_attendee_id AS "vendorAttendeeId" FROM event_meeting WHERE event_id = $1 AND status = 'cancelled'`,
      [eventId],
    )) as { buyerAttendeeId: string; vendorAttendeeId: string }[];
  }

  /** Cancels a scheduled meeting of the event; false when there is none by that id. */
  async cancelMeeting(manager: EntityManager, eventId: string, meetingId: string): Promise<boolean> {
    const [, count] = (await manager.query(
      `UPDATE event_meeting SET status = 'cancelled', cancelled_at = now() WHERE id = $1 AND event_id = $2 AND status = 'scheduled'`,
      [meetingId, eventId],
    )) as [unknown, number];
    return count === 1;
  }

  /** The curator's hand: a scheduled meeting takes another seat (checked by the validator before). */
  async moveMeeting(manager: EntityManager, meetingId: string, slot: number, table: number): Promise<void> {
    await manager.query(`UPDATE event_meeting SET slot = $2, table_number = $3 WHERE id = $1 AND status = 'scheduled'`, [
      meetingId,
      slot,
      table,
    ]);
  }
}
