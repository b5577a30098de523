import { PartnerIntake1765900000000 } from '../migrations/1765900000000-partner-intake.js';
import { PartnerWebhooks1765910000000 } from '../migrations/1765910000000-partner-webhooks.js';
import { Diagnostics1765920000000 } from '../migrations/1765920000000-diagnostics.js';
import { createTestApp, revertAndReapply, type TestApp } from './support/test-app.js';

describe('issue 20 migrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const tables = async (): Promise<string[]> =>
    (
      (await t.dataSource.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('partner', 'partner_api_key', 'need_invitation', 'partner_webhook', 'partner_webhook_delivery', 'diagnostic') ORDER BY tablename",
      )) as { tablename: string }[]
    ).map((r) => r.tablename);
  const needColumns = async (): Promise<string[]> =>
    (
      (await t.dataSource.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'need' AND column_name IN ('source', 'partner_id', 'diagnostic_id', 'diagnostic_use_case') ORDER BY column_name",
      )) as { column_name: string }[]
    ).map((r) => r.column_name);

  it('reverts the three partner migrations, newest first, and re-applies them', async () => {
    await revertAndReapply(t, new Diagnostics1765920000000(), async () => {
      expect(await needColumns()).toEqual(['partner_id', 'source']);
      await revertAndReapply(t, new PartnerWebhooks1765910000000(), async () => {
        await revertAndReapply(t, new PartnerIntake1765900000000(), async () => {
          expect(await tables()).toEqual([]);
          expect(await needColumns()).toEqual([]);
        });
        expect(await tables()).toEqual(['need_invitation', 'partner', 'partner_api_key']);
      });
    });
    expect(await tables()).toEqual([
      'diagnostic',
      'need_invitation',
      'partner',
      'partner_api_key',
      'partner_webhook',
      'partner_webhook_delivery',
    ]);
    expect(await needColumns()).toEqual(['diagnostic_id', 'diagnostic_use_case', 'partner_id', 'source']);
    const [index] = await t.dataSource.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'need_diagnostic_use_case_key'");
    expect(index.indexdef).toContain('WHERE (diagnostic_id IS NOT NULL)');
  });
});
