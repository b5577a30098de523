import { OfferingCandidatesRepository } from '../src/matches/repositories/offering-candidates.repository.js';
import { profileFromColumns } from '../src/sovereignty/flat-profile.js';
import { failedRequirements, HARD_REQUIREMENTS } from '../src/sovereignty/hard-requirements.js';
import { REQUIREMENT_SQL } from '../src/sovereignty/requirement-sql.js';
import { registerVendor } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Each flat column and the values it may hold (NULL included), as the offering migration allows. */
const DOMAINS: Record<string, unknown[]> = {
  data_residency: ['FR', 'EU_EEA', 'ADEQUATE_COUNTRY', 'OTHER', 'CUSTOMER_PREMISES', 'UNKNOWN', null],
  provider_jurisdiction: ['FR', 'EU_EEA', 'US', 'CN', 'UK', 'OTHER', 'UNKNOWN', null],
  hq_jurisdiction: ['FR', 'EU_EEA', 'US', 'UK', 'UNKNOWN', null],
  non_eu_remote_access: [true, false, null],
  sec_num_cloud: ['OFFERING', 'INFRASTRUCTURE_ONLY', 'IN_PROGRESS', 'NONE', null],
  hds: [true, false, null],
  iso27001: [true, false, null],
  model_origin: ['FR', 'EU_EEA', 'IN_HOUSE_EU', 'US', 'CN', 'OTHER', 'NONE', null],
  model_licence: ['OSI_OPEN_SOURCE', 'OPEN_WEIGHT_RESTRICTED', 'PROPRIETARY', 'NONE', null],
  inference_hosting: ['CUSTOMER_HOSTED', 'VENDOR_HOSTED_EU', 'THIRD_PARTY_API_EU', 'THIRD_PARTY_API_NON_EU', null],
  training_on_customer_data: ['NEVER', 'OPT_IN', 'OPT_OUT', 'YES', null],
  dpa_art28: [true, false, null],
  non_eu_transfers: ['NONE', 'ADEQUACY', 'SCC', 'UNKNOWN', null],
  extraterritorial_exposure: ['NO', 'YES', 'UNKNOWN', null],
  non_eu_control: ['NONE', 'MINORITY', 'MAJORITY', null],
  deployment_modes: [[], ['SAAS_SHARED'], ['ON_PREMISE'], ['SAAS_DEDICATED', 'PRIVATE_CLOUD'], ['EDGE']],
  ai_act_risk_class: ['PROHIBITED', 'HIGH', 'TRANSPARENCY', 'MINIMAL', 'UNASSESSED', null],
  data_export_open_format: [true, false, null],
};

/** Deterministic pseudo-random rows, plus an all-compliant one so every requirement has a passer. */
function table(count: number): Record<string, unknown>[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows = Array.from({ length: count }, () =>
    Object.fromEntries(Object.entries(DOMAINS).map(([k, values]) => [k, values[Math.floor(next() * values.length)]])),
  );
  rows.push({
    ...Object.fromEntries(Object.entries(DOMAINS).map(([k, values]) => [k, values[0]])),
    deployment_modes: ['ON_PREMISE'],
    ai_act_risk_class: 'MINIMAL',
    data_residency: 'FR',
  });
  return rows;
}

describe('hard requirements: the SQL filter and failedRequirements() agree', () => {
  let t: TestApp;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const vendor = await registerVendor(t);
    for (const row of table(300)) {
      const columns = Object.keys(row);
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO offering (vendor_id, title, ${columns.join(', ')}) VALUES ($1, 'Table row', ${columns.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
        [vendor.organisationId, ...columns.map((c) => row[c])],
      );
      ids.push(id);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(HARD_REQUIREMENTS)('%s selects exactly the offerings the pure rule accepts', async (requirement) => {
    const repository = t.app.get(OfferingCandidatesRepository);
    // Ten at a time, the pool's size: 301 reads at once waited past the pool's 3 s acquire timeout on a busy CI.
    const rows = [];
    for (let i = 0; i < ids.length; i += 10)
      rows.push(...(await Promise.all(ids.slice(i, i + 10).map((id) => repository.findOffering(id)))));
    const pure = rows
      .filter((r) => r && failedRequirements(profileFromColumns(r), [requirement]).length === 0)
      .map((r) => r!.id)
      .sort();
    const sql = (
      await t.dataSource.query(
        `SELECT o.id FROM offering o WHERE o.id = ANY($1::uuid[]) AND (${REQUIREMENT_SQL[requirement]}) ORDER BY o.id`,
        [ids],
      )
    ).map((r: { id: string }) => r.id);
    expect(sql).toEqual(pure);
    // The table must exercise both sides of each rule.
    expect(pure.length).toBeGreaterThan(0);
    expect(pure.length).toBeLessThan(ids.length);
  });
});
