import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business meetings (issue 19, decision 028): who registered for an event — a buyer with one of its
 * published needs, a vendor with its published offerings — when they can meet and how often; whom
 * each attendee wishes to meet; and the meetings the scheduler seated. The partial unique indexes
 * make a double-booked attendee or table impossible even if the scheduler were wrong; a held
 * meeting keeps its seat. Check-in marks a meeting held or no-show.
 */
export class EventRegistrations1765800001000 implements MigrationInterface {
  name = 'EventRegistrations1765800001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_attendee (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES business_event (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('buyer', 'vendor')),
        need_id uuid REFERENCES need (id) ON DELETE CASCADE,
        offering_ids uuid[] NOT NULL DEFAULT '{}',
        available_slots integer[] NOT NULL CHECK (cardinality(available_slots) >= 1),
        max_meetings integer NOT NULL CHECK (max_meetings BETWEEN 1 AND 100),
        registered_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        -- The event version whose agenda was mailed: a redelivered outbox event mails nobody twice.
        agenda_mailed_version integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_attendee_once UNIQUE (event_id, organisation_id),
        CONSTRAINT event_attendee_what CHECK (
          (role = 'buyer' AND need_id IS NOT NULL AND cardinality(offering_ids) = 0)
          OR (role = 'vendor' AND need_id IS NULL AND cardinality(offering_ids) >= 1))
      )`);
    await q.query(`
      CREATE TABLE event_wish (
        attendee_id uuid NOT NULL REFERENCES event_attendee (id) ON DELETE CASCADE,
        counterpart_id uuid NOT NULL REFERENCES event_attendee (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (attendee_id, counterpart_id),
        CHECK (attendee_id <> counterpart_id)
      )`);
    // A curator's hand on the candidates: a pair added (seated as if one side wished it) or removed.
    await q.query(`
      CREATE TABLE event_pair_override (
        buyer_attendee_id uuid NOT NULL REFERENCES event_attendee (id) ON DELETE CASCADE,
        vendor_attendee_id uuid NOT NULL REFERENCES event_attendee (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('added', 'removed')),
        offering_id uuid REFERENCES offering (id) ON DELETE CASCADE,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (buyer_attendee_id, vendor_attendee_id),
        CONSTRAINT event_pair_override_offering CHECK ((kind = 'added') = (offering_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE event_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES business_event (id) ON DELETE CASCADE,
        buyer_attendee_id uuid NOT NULL REFERENCES event_attendee (id) ON DELETE CASCADE,
        vendor_attendee_id uuid NOT NULL REFERENCES event_attendee (id) ON DELETE CASCADE,
        offering_id uuid NOT NULL REFERENCES offering (id) ON DELETE CASCADE,
        slot integer NOT NULL CHECK (slot >= 0),
        table_number integer NOT NULL CHECK (table_number >= 1),
        score double precision NOT NULL CHECK (score BETWEEN 0 AND 100),
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'no_show', 'cancelled')),
        -- The introduction a held meeting became (decision 028): outcomes and KPIs count it there.
        introduction_id uuid REFERENCES introduction (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        marked_at timestamptz,
        cancelled_at timestamptz,
        CONSTRAINT event_meeting_marked CHECK ((status IN ('held', 'no_show')) = (marked_at IS NOT NULL)),
        CONSTRAINT event_meeting_cancel_time CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX event_meeting_table ON event_meeting (event_id, slot, table_number) WHERE status <> 'cancelled'`);
    await q.query(`CREATE UNIQUE INDEX event_meeting_buyer ON event_meeting (buyer_attendee_id, slot) WHERE status <> 'cancelled'`);
    await q.query(`CREATE UNIQUE INDEX event_meeting_vendor ON event_meeting (vendor_attendee_id, slot) WHERE status <> 'cancelled'`);
    await q.query(`CREATE UNIQUE INDEX event_meeting_pair ON event_meeting (buyer_attendee_id, vendor_attendee_id) WHERE status <> 'cancelled'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_meeting`);
    await q.query(`DROP TABLE event_pair_override`);
    await q.query(`DROP TABLE event_wish`);
    await q.query(`DROP TABLE event_attendee`);
  }
}
