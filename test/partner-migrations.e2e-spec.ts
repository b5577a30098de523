import { PartnerIntake1765900000000 } from '../migrations/1765900000000-partner-intake.js';
import { PartnerWebhooks1765910000000 } from '../migrations/1765910000000-partner-webhooks.js';
import { Diagnostics1765920000000 } from '../migrations/1765920000000-diagnostics.js';
import { PartnerMembers1766100000000 } from '../migrations/1766100000000-partner-members.js';
import { CuratedDiagnostics1766600000000 } from '../migrations/1766600000000-curated-diagnostics.js';
import { createTestApp, revertAndReapply, tableCount, type TestApp } from './support/test-app.js';

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

  it('reverts the three partner migrations, newest first (and what came later), and re-applies them', async () => {
    await revertAndReapply(
      t,
      new Diagnostics1765920000000(),
      async () => {
        expect(await needColumns()).toEqual(['partner_id', 'source']);
        await revertAndReapply(t, new PartnerWebhooks1765910000000(), async () => {
          await revertAndReapply(t, new PartnerIntake1765900000000(), async () => {
            expect(await tables()).toEqual([]);
            expect(await needColumns()).toEqual([]);
          });
          expect(await tables()).toEqual(['need_invitation', 'partner', 'partner_api_key']);
        });
      },
      { withLater: true },
    );
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

  it('reverts and re-applies the partner-admins migration: the role, its partner link and replaced invitations', async () => {
    const memberTable = (): Promise<number> => tableCount(t, 'partner_member');
    const replacedColumn = async () =>
      (
        (await t.dataSource.query(
          "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'need_invitation' AND column_name = 'replaced_at'",
        )) as { n: number }[]
      )[0].n;
    const insertPartnerUser = (email: string) =>
      t.dataSource.query(`INSERT INTO app_user (email, password_hash, role, display_name) VALUES ($1, 'x', 'partner', 'P')`, [email]);
    await revertAndReapply(t, new PartnerMembers1766100000000(), async () => {
      expect(await memberTable()).toBe(0);
      expect(await replacedColumn()).toBe(0);
      await expect(insertPartnerUser('avant@example.fr')).rejects.toThrow(/app_user_role_check/);
    });
    expect(await memberTable()).toBe(1);
    expect(await replacedColumn()).toBe(1);
    await insertPartnerUser('apres@example.fr');
  });

  it('reverts and re-applies the partner-less diagnostics migration: their needs stay, unlinked', async () => {
    const nullable = async () =>
      (
        (await t.dataSource.query(
          "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'diagnostic' AND column_name = 'partner_id'",
        )) as { is_nullable: string }[]
      )[0].is_nullable;
    const [org] = (await t.dataSource.query(
      `INSERT INTO organisation (kind, buyer_type, name, siren, naf_code, naf_version, commune_code)
       VALUES ('buyer', 'pme', 'Sans partenaire', '732829320', '16.10A', 'NAFRev2', '39300') RETURNING id`,
    )) as { id: string }[];
    const insertDiagnostic = (externalId: string) =>
      t.dataSource.query(
        `INSERT INTO diagnostic (partner_id, external_id, organisation_id, expert_name, expert_email, diagnosed_on)
         VALUES (NULL, $1, $2, 'Expert', 'expert@example.fr', '2026-11-30') RETURNING id`,
        [externalId, org.id],
      ) as Promise<{ id: string }[]>;
    const [diag] = await insertDiagnostic('MIA-1');
    await expect(insertDiagnostic('MIA-1')).rejects.toThrow(/diagnostic_without_partner_key/);
    const [need] = (await t.dataSource.query(
      `INSERT INTO need (organisation_id, title, source, diagnostic_id, diagnostic_use_case) VALUES ($1, 'Cas', 'diagnostic', $2, 'UC-1') RETURNING id`,
      [org.id, diag.id],
    )) as { id: string }[];
    await revertAndReapply(t, new CuratedDiagnostics1766600000000(), async () => {
      expect(await nullable()).toBe('NO');
      const [row] = await t.dataSource.query('SELECT diagnostic_id, diagnostic_use_case FROM need WHERE id = $1', [need.id]);
      expect(row).toEqual({ diagnostic_id: null, diagnostic_use_case: null });
    });
    expect(await nullable()).toBe('YES');
  });
});
