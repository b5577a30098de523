import { Offerings1764300000000 } from '../migrations/1764300000000-offerings.js';
import { Introductions1764600000000 } from '../migrations/1764600000000-introductions.js';
import { OfferingMatch1764800000000 } from '../migrations/1764800000000-offering-match.js';
import { OfferingLexemes1765200000000 } from '../migrations/1765200000000-offering-lexemes.js';
import { RelevanceJudgments1765400000000 } from '../migrations/1765400000000-relevance-judgments.js';
import { LeadAlerts1765700000000 } from '../migrations/1765700000000-lead-alerts.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('offerings migration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reverts and re-applies cleanly', async () => {
    const tables = async (): Promise<string[]> =>
      (
        await t.dataSource.query(
          "SELECT table_name FROM information_schema.tables WHERE table_name IN ('offering', 'offering_claim') ORDER BY 1",
        )
      ).map((r: { table_name: string }) => r.table_name);
    const descriptionColumn = async (): Promise<number> =>
      (
        await t.dataSource.query(
          "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'organisation' AND column_name = 'description'",
        )
      )[0].n;
    const migration = new Offerings1764300000000();
    // Introductions, the matching projection, its lexical index, curators' marks and leads reference
    // offerings: a real revert undoes the later migrations first.
    const later = new Introductions1764600000000();
    const projection = new OfferingMatch1764800000000();
    const lexemes = new OfferingLexemes1765200000000();
    const judgments = new RelevanceJudgments1765400000000();
    const leads = new LeadAlerts1765700000000();
    const runner = t.dataSource.createQueryRunner();
    try {
      await leads.down(runner);
      await judgments.down(runner);
      await lexemes.down(runner);
      await projection.down(runner);
      await later.down(runner);
      await migration.down(runner);
      expect(await tables()).toEqual([]);
      expect(await descriptionColumn()).toBe(0);
      await migration.up(runner);
      expect(await tables()).toEqual(['offering', 'offering_claim']);
      expect(await descriptionColumn()).toBe(1);
      await later.up(runner);
      await projection.up(runner);
      await lexemes.up(runner);
      await judgments.up(runner);
      await leads.up(runner);
    } finally {
      await runner.release();
    }
  });
});
