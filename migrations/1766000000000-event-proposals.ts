import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business meetings (issue 19, decision 028): the proposals (buyer, vendor, the vendor's best
 * registered offering, the ranking's score and reasons) are stored when registration closes, so a
 * vendor's proposals and the scheduler read them instead of ranking every buyer's need again.
 * `proposals_stored_at` tells an event whose proposals are stored from one closed before this.
 */
export class EventProposals1766000000000 implements MigrationInterface {
  name = 'EventProposals1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE business_event ADD COLUMN proposals_stored_at timestamptz`);
    await q.query(`
      CREATE TABLE event_proposal (
        event_id uuid NOT NULL REFERENCES business_event (id) ON DELETE CASCADE,
        buyer_attendee_id uuid NOT NULL REFERENCES event_attendee (id) ON DELETE CASCADE,
        vendor_attendee_id uuid NOT NULL REFERENCES event_attendee (id) ON DELETE CASCADE,
        need_id uuid NOT NULL REFERENCES need (id) ON DELETE CASCADE,
        offering_id uuid NOT NULL REFERENCES offering (id) ON DELETE CASCADE,
        total double precision NOT NULL CHECK (total BETWEEN 0 AND 100),
        -- The ranking's explained criteria, as the ranking gave them (the reasons shown to attendees).
        criteria jsonb NOT NULL,
        PRIMARY KEY (buyer_attendee_id, vendor_attendee_id)
      )`);
    await q.query(`CREATE INDEX event_proposal_event ON event_proposal (event_id)`);
    await q.query(`CREATE INDEX event_proposal_vendor ON event_proposal (vendor_attendee_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_proposal`);
    await q.query(`ALTER TABLE business_event DROP COLUMN proposals_stored_at`);
  }
}
