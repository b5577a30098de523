import { VendorVerification1766300000000 } from '../migrations/1766300000000-vendor-verification.js';
import { createTestApp, revertAndReapply, type TestApp } from './support/test-app.js';

describe('issue 23 migration: vendor verification and registry answer', () => {
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
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'organisation' AND column_name IN ('registry_check', 'verification_status', 'verification_message', 'verification_answer') ORDER BY column_name",
      )) as { column_name: string }[]
    ).map((r) => r.column_name);

  it('reverts and re-applies; existing organisations start pending and unknown states are refused', async () => {
    await revertAndReapply(t, new VendorVerification1766300000000(), async () => {
      expect(await columns()).toEqual([]);
      await t.dataSource.query(
        "INSERT INTO organisation (kind, name, siren, naf_code, commune_code) VALUES ('vendor', 'Avant migration', '732829320', '62.01Z', '06088')",
      );
    });
    expect(await columns()).toEqual(['registry_check', 'verification_answer', 'verification_message', 'verification_status']);
    const [row] = await t.dataSource.query("SELECT verification_status, registry_check FROM organisation WHERE siren = '732829320'");
    expect(row).toEqual({ verification_status: 'pending', registry_check: null });
    await expect(t.dataSource.query("UPDATE organisation SET verification_status = 'verified' WHERE siren = '732829320'")).rejects.toThrow(
      /check constraint/,
    );
  });
});
