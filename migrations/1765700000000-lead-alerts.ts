import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lead alerts (issue 18, decision 027): one stored lead per need and vendor — the vendor's best
 * offering above the relevance floor, with the score and reasons it was announced with — and its
 * funnel (notified, opened, answered); who was told of it and how; each user's alert frequency;
 * and each need's cutoff (the score of its last announced rank), which a later offering must reach
 * to be announced too.
 */
export class LeadAlerts1765700000000 implements MigrationInterface {
  name = 'LeadAlerts1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES need (id) ON DELETE CASCADE,
        vendor_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        offering_id uuid NOT NULL REFERENCES offering (id) ON DELETE CASCADE,
        origin text NOT NULL CHECK (origin IN ('need_published', 'offering_changed')),
        rank integer CHECK (rank >= 1),
        total double precision NOT NULL CHECK (total BETWEEN 0 AND 100),
        criteria jsonb NOT NULL,
        scoring_version text NOT NULL CHECK (length(scoring_version) BETWEEN 1 AND 50),
        created_at timestamptz NOT NULL DEFAULT now(),
        notified_at timestamptz,
        opened_at timestamptz,
        answer text CHECK (answer IN ('interested', 'not_interested')),
        answered_at timestamptz,
        answered_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        message text CHECK (length(message) BETWEEN 1 AND 1000),
        reason text CHECK (reason IN ('not_our_field', 'too_small', 'too_far', 'no_capacity', 'requirements', 'timing', 'other')),
        comment text CHECK (length(comment) BETWEEN 1 AND 500),
        CONSTRAINT lead_one_per_vendor UNIQUE (need_id, vendor_id),
        CONSTRAINT lead_answer_complete CHECK ((answer IS NULL) = (answered_at IS NULL)),
        CONSTRAINT lead_reason_iff_declined CHECK ((answer = 'not_interested') = (reason IS NOT NULL)),
        CONSTRAINT lead_message_iff_interested CHECK (message IS NULL OR answer = 'interested'),
        CONSTRAINT lead_other_explained CHECK (reason IS DISTINCT FROM 'other' OR comment IS NOT NULL)
      )`);
    // A vendor's inbox newest first; a need's leads for curators; the figures by date.
    await q.query('CREATE INDEX lead_vendor_idx ON lead (vendor_id, created_at DESC)');
    await q.query('CREATE INDEX lead_need_idx ON lead (need_id)');
    await q.query('CREATE INDEX lead_offering_idx ON lead (offering_id)');
    await q.query('CREATE INDEX lead_created_idx ON lead (created_at)');
    await q.query(`
      CREATE TABLE lead_notice (
        lead_id uuid NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('instant', 'digest')),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (lead_id, user_id)
      )`);
    await q.query('CREATE INDEX lead_notice_user_idx ON lead_notice (user_id)');
    await q.query(`
      CREATE TABLE lead_alert_setting (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        frequency text NOT NULL CHECK (frequency IN ('instant', 'daily', 'weekly', 'off')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE need_lead_cutoff (
        need_id uuid PRIMARY KEY REFERENCES need (id) ON DELETE CASCADE,
        cutoff double precision NOT NULL CHECK (cutoff BETWEEN 0 AND 100),
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE need_lead_cutoff');
    await q.query('DROP TABLE lead_alert_setting');
    await q.query('DROP TABLE lead_notice');
    await q.query('DROP TABLE lead');
  }
}
