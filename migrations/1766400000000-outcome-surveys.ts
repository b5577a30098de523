import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 24, decision 033: three months after a won deal the buyer is asked whether the solution
 * is in use. `survey_sent_at` claims the e-mail once across instances; one answer per
 * introduction (its primary key); the offering keeps the count of buyers confirming use.
 */
export class OutcomeSurveys1766400000000 implements MigrationInterface {
  name = 'OutcomeSurveys1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE introduction ADD COLUMN survey_sent_at timestamptz');
    await q.query(
      "CREATE INDEX introduction_survey_due ON introduction (outcome_at) WHERE outcome = 'won' AND survey_sent_at IS NULL",
    );
    await q.query(`
      CREATE TABLE outcome_survey (
        introduction_id uuid PRIMARY KEY REFERENCES introduction (id),
        offering_id uuid NOT NULL REFERENCES offering (id),
        in_use boolean NOT NULL,
        as_declared text NOT NULL CHECK (as_declared IN ('yes', 'partly', 'no', 'unknown')),
        satisfaction smallint NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
        would_recommend boolean NOT NULL,
        comment text,
        answered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX outcome_survey_offering ON outcome_survey (offering_id)');
    await q.query('ALTER TABLE offering ADD COLUMN client_confirmations integer NOT NULL DEFAULT 0 CHECK (client_confirmations >= 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE offering DROP COLUMN client_confirmations');
    await q.query('DROP TABLE outcome_survey');
    await q.query('DROP INDEX introduction_survey_due');
    await q.query('ALTER TABLE introduction DROP COLUMN survey_sent_at');
  }
}
