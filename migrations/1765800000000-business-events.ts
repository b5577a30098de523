import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business meetings (issue 19, decision 028): the « Osez l'IA » rendez-vous d'affaires a curator
 * organises — its day, place (an INSEE commune), opening hours, meeting length, tables, capacity,
 * registration deadline and wishes per attendee — and its lifecycle
 * draft → open → closed → scheduled → held → archived.
 */
export class BusinessEvents1765800000000 implements MigrationInterface {
  name = 'BusinessEvents1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE business_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        description text CHECK (length(description) BETWEEN 1 AND 4000),
        event_date date NOT NULL,
        commune_code text NOT NULL CHECK (commune_code ~ '^[0-9][0-9AB][0-9]{3}$'),
        venue text CHECK (length(venue) BETWEEN 1 AND 300),
        opens_minute integer NOT NULL CHECK (opens_minute BETWEEN 0 AND 1439),
        closes_minute integer NOT NULL CHECK (closes_minute BETWEEN 1 AND 1440),
        meeting_minutes integer NOT NULL CHECK (meeting_minutes BETWEEN 5 AND 240),
        tables integer NOT NULL CHECK (tables BETWEEN 1 AND 500),
        capacity integer NOT NULL CHECK (capacity BETWEEN 2 AND 5000),
        wishes_per_attendee integer NOT NULL CHECK (wishes_per_attendee BETWEEN 1 AND 30),
        registration_deadline timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'scheduled', 'held', 'archived')),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT business_event_hours CHECK (closes_minute - opens_minute >= meeting_minutes)
      )`);
    // The public list shows the coming events first; curators list them all by date.
    await q.query(`CREATE INDEX business_event_by_date ON business_event (event_date, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE business_event`);
  }
}
