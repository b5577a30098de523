import { AccountTokens1765500000000 } from '../migrations/1765500000000-account-tokens.js';
import { registerBuyer } from './support/auth.js';
import { createTestApp, revertAndReapply, tableCount, type TestApp } from './support/test-app.js';

describe('migration 1765500000000: account tokens, confirmation and consent columns', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const columns = async (): Promise<string[]> =>
    (
      (await t.dataSource.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'app_user' AND column_name IN ('email_verified_at', 'terms_accepted_at', 'terms_version')
          ORDER BY column_name`,
      )) as { column_name: string }[]
    ).map((r) => r.column_name);
  const tokenTable = (): Promise<number> => tableCount(t, 'account_token');

  it('reverts cleanly, and counts the accounts that existed before it as confirmed', async () => {
    const before = await registerBuyer(t, { verify: false });
    await revertAndReapply(t, new AccountTokens1765500000000(), async () => {
      expect(await columns()).toEqual([]);
      expect(await tokenTable()).toBe(0);
    });
    expect(await columns()).toEqual(['email_verified_at', 'terms_accepted_at', 'terms_version']);
    expect(await tokenTable()).toBe(1);
    const [row] = await t.dataSource.query('SELECT email_verified_at = created_at AS grandfathered FROM app_user WHERE id = $1', [
      before.userId,
    ]);
    expect(row).toEqual({ grandfathered: true });

    const after = await registerBuyer(t, { verify: false });
    const [fresh] = await t.dataSource.query('SELECT email_verified_at FROM app_user WHERE id = $1', [after.userId]);
    expect(fresh).toEqual({ email_verified_at: null });
  });
});
