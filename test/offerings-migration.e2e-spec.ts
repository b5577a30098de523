import { Offerings1764300000000 } from '../migrations/1764300000000-offerings.js';
import { migrations } from '../migrations/index.js';
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
    // Many later migrations reference offerings (introductions, matching, leads, meetings…): a real
    // revert undoes every later migration first, newest first, as TypeORM would; then all come back.
    const later = migrations.slice(migrations.indexOf(Offerings1764300000000) + 1).map((M) => new M());
    const runner = t.dataSource.createQueryRunner();
    try {
      for (const m of [...later].reverse()) await m.down(runner);
      await migration.down(runner);
      expect(await tables()).toEqual([]);
      expect(await descriptionColumn()).toBe(0);
      await migration.up(runner);
      expect(await tables()).toEqual(['offering', 'offering_claim']);
      expect(await descriptionColumn()).toBe(1);
      for (const m of later) await m.up(runner);
    } finally {
      await runner.release();
    }
  });
});
