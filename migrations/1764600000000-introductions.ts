import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Introductions between a published need and an eligible offering, and their follow-up (issue #9). */
export class Introductions1764600000000 implements MigrationInterface {
  name = 'Introductions1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE introduction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES need (id),
        offering_id uuid NOT NULL REFERENCES offering (id),
        vendor_organisation_id uuid NOT NULL REFERENCES organisation (id),
        buyer_organisation_id uuid NOT NULL REFERENCES organisation (id),
        curator_id uuid REFERENCES app_user (id),
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN
          ('proposed', 'vendor_accepted', 'buyer_accepted', 'connected', 'vendor_declined', 'buyer_declined', 'meeting_held', 'won', 'lost', 'cancelled')),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        vendor_accepted_at timestamptz,
        buyer_accepted_at timestamptz,
        connected_at timestamptz,
        declined_at timestamptz,
        declined_by text CHECK (declined_by IN ('vendor', 'buyer')),
        decline_reason text CHECK (decline_reason IN ('not_relevant', 'no_capacity', 'budget', 'timing', 'already_equipped', 'other')),
        decline_comment text CHECK (length(decline_comment) <= 2000),
        meeting_held_at timestamptz,
        outcome text CHECK (outcome IN ('won', 'lost')),
        outcome_at timestamptz,
        cancelled_at timestamptz,
        reminded_vendor_at timestamptz,
        reminded_buyer_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT introduction_declined CHECK ((status IN ('vendor_declined', 'buyer_declined')) = (decline_reason IS NOT NULL)),
        CONSTRAINT introduction_decline_other CHECK (decline_reason IS DISTINCT FROM 'other' OR decline_comment IS NOT NULL),
        CONSTRAINT introduction_outcome CHECK ((status IN ('won', 'lost')) = (outcome IS NOT NULL))
      )`);
    // One running introduction per pair; a declined, cancelled or finished one may be proposed again.
    await q.query(`CREATE UNIQUE INDEX introduction_open_pair_uq ON introduction (need_id, offering_id)
      WHERE status IN ('proposed', 'vendor_accepted', 'buyer_accepted', 'connected', 'meeting_held')`);
    await q.query('CREATE INDEX introduction_vendor_idx ON introduction (vendor_organisation_id, created_at)');
    await q.query('CREATE INDEX introduction_buyer_idx ON introduction (buyer_organisation_id, created_at)');
    await q.query('CREATE INDEX introduction_offering_idx ON introduction (offering_id)');
    await q.query('CREATE INDEX introduction_status_idx ON introduction (status, created_at)');
    // The reminder job scans introductions still waiting for an answer.
    await q.query(`CREATE INDEX introduction_waiting_idx ON introduction (proposed_at)
      WHERE status IN ('proposed', 'vendor_accepted', 'buyer_accepted')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE introduction');
  }
}
