import type { MigrationInterface, QueryRunner } from 'typeorm';

const BANDS = "'under_5k', '5k_20k', '20k_50k', '50k_150k', 'over_150k'";
const LOST_REASONS = "'price', 'competitor', 'no_budget', 'project_abandoned', 'requirements_not_met', 'timing', 'other'";

/**
 * Issue 24, decision 026: a won introduction records the deal's value (band and/or exact amount in
 * euros), its start and whether it may be shown publicly; a lost one, its reason. The existing rows
 * keep nulls: a curator may record an outcome without them.
 */
export class DealOutcomes1765610000000 implements MigrationInterface {
  name = 'DealOutcomes1765610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE introduction
        ADD COLUMN deal_value_band text CHECK (deal_value_band IN (${BANDS})),
        ADD COLUMN deal_amount_eur integer CHECK (deal_amount_eur >= 0),
        ADD COLUMN deal_start_date date,
        ADD COLUMN deal_public boolean,
        ADD COLUMN lost_reason text CHECK (lost_reason IN (${LOST_REASONS})),
        ADD COLUMN lost_comment text,
        ADD CONSTRAINT introduction_deal_when_won CHECK (outcome = 'won' OR (deal_value_band IS NULL AND deal_amount_eur IS NULL
          AND deal_start_date IS NULL AND deal_public IS NULL)),
        ADD CONSTRAINT introduction_lost_when_lost CHECK (outcome = 'lost' OR (lost_reason IS NULL AND lost_comment IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE introduction
        DROP CONSTRAINT introduction_lost_when_lost, DROP CONSTRAINT introduction_deal_when_won,
        DROP COLUMN lost_comment, DROP COLUMN lost_reason, DROP COLUMN deal_public, DROP COLUMN deal_start_date,
        DROP COLUMN deal_amount_eur, DROP COLUMN deal_value_band`);
  }
}
