import { EvidenceFreshness1765600000000 } from '../migrations/1765600000000-evidence-freshness.js';
import { DealOutcomes1765610000000 } from '../migrations/1765610000000-deal-outcomes.js';
import { OutcomeSurveys1766400000000 } from '../migrations/1766400000000-outcome-surveys.js';
import { createTestApp, revertAndReapply, type TestApp } from './support/test-app.js';

describe('issue 24 migrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const columns = async (table: string, names: string[]): Promise<string[]> =>
    (
      (await t.dataSource.query(
        'SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND column_name = ANY($2::text[]) ORDER BY column_name',
        [table, names],
      )) as { column_name: string }[]
    ).map((r) => r.column_name);

  it('reverts and re-applies the deal columns, whose checks tie them to the outcome', async () => {
    const deal = ['deal_amount_eur', 'deal_public', 'deal_start_date', 'deal_value_band', 'lost_comment', 'lost_reason'];
    await revertAndReapply(t, new DealOutcomes1765610000000(), async () => {
      expect(await columns('introduction', deal)).toEqual([]);
    });
    expect(await columns('introduction', deal)).toEqual(deal);
    const checks = (await t.dataSource.query(
      "SELECT conname FROM pg_constraint WHERE conrelid = 'introduction'::regclass AND contype = 'c' AND conname LIKE 'introduction_%_when_%' ORDER BY conname",
    )) as { conname: string }[];
    expect(checks.map((c) => c.conname)).toEqual(['introduction_deal_when_won', 'introduction_lost_when_lost']);
  });

  it('reverts and re-applies the evidence warning column and its partial index', async () => {
    await revertAndReapply(t, new EvidenceFreshness1765600000000(), async () => {
      expect(await columns('offering_claim', ['expiry_warned_for'])).toEqual([]);
    });
    expect(await columns('offering_claim', ['expiry_warned_for'])).toEqual(['expiry_warned_for']);
    const [index] = await t.dataSource.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'offering_claim_verified_valid_until'");
    expect(index.indexdef).toMatch(/\(evidence_valid_until\) WHERE/);
  });

  it('reverts and re-applies the outcome surveys: the claim column, the answers table and the offering count', async () => {
    await revertAndReapply(t, new OutcomeSurveys1766400000000(), async () => {
      expect(await columns('introduction', ['survey_sent_at'])).toEqual([]);
      expect(await columns('offering', ['client_confirmations'])).toEqual([]);
      expect(await columns('outcome_survey', ['in_use'])).toEqual([]);
    });
    expect(await columns('introduction', ['survey_sent_at'])).toEqual(['survey_sent_at']);
    expect(await columns('offering', ['client_confirmations'])).toEqual(['client_confirmations']);
    expect(await columns('outcome_survey', ['as_declared', 'in_use', 'satisfaction'])).toEqual(['as_declared', 'in_use', 'satisfaction']);
    const [index] = await t.dataSource.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'introduction_survey_due'");
    expect(index.indexdef).toMatch(/WHERE .*survey_sent_at IS NULL/);
  });
});
