import { Introductions1764600000000 } from '../migrations/1764600000000-introductions.js';
import { createTestApp, revertAndReapply, type TestApp } from './support/test-app.js';

describe('introductions migration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const exists = async (): Promise<boolean> =>
    (await t.dataSource.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'introduction'"))[0].n === 1;

  it('reverts and re-applies cleanly, with its partial unique index', async () => {
    await revertAndReapply(
      t,
      new Introductions1764600000000(),
      async () => {
        expect(await exists()).toBe(false);
      },
      // Later migrations reference introductions (deal values, leads' proposals, business meetings).
      { withLater: true },
    );
    expect(await exists()).toBe(true);
    const [index] = await t.dataSource.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'introduction_open_pair_uq'");
    expect(index.indexdef).toMatch(/UNIQUE INDEX .* \(need_id, offering_id\) WHERE/);
  });
});
