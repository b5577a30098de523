import type { DataSource } from 'typeorm';
import { luhnSiren, PROFILES, TEXTS } from '../../src/demo/demo-data.js';
import type { SovereigntyProfile } from '../../src/offerings/sovereignty-profile.js';
import { insertOfferingRows, sovereigntyRowColumns } from './bulk-offerings.js';
import { pick, prng, progress } from './harness.js';

export const COMMUNES = [
  '06088',
  '06152',
  '06004',
  '06029',
  '06069',
  '13055',
  '83137',
  '13001',
  '75056',
  '69123',
  '31555',
  '44109',
  '59350',
  '33063',
  '67482',
  '35238',
  '34172',
  '76540',
  '21231',
  '63113',
];
export const REGION: Record<string, string> = {
  '06': '93',
  '13': '93',
  '83': '93',
  '75': '11',
  '69': '84',
  '31': '76',
  '44': '52',
  '59': '32',
  '33': '75',
  '67': '44',
  '35': '53',
  '34': '76',
  '76': '28',
  '21': '27',
  '63': '84',
};
export const USE_CASES = Object.keys(TEXTS);

/**
 * A published catalogue for the benchmarks, seeded straight into the database (matching's lexemes
 * follow by trigger): `offerings` offerings of verified vendors, four per vendor, from the demo
 * texts and profiles, with a fixed seed so runs compare.
 */
export async function seedCatalogue(
  ds: DataSource,
  offerings: number,
): Promise<{ vendorCount: number; vendorIds: string[]; offeringIds: string[]; seedSeconds: number }> {
  const random = prng(8);
  const vendorCount = Math.max(10, Math.round(offerings / 4));
  const vendorIds: string[] = [];
  for (let i = 0; i < vendorCount; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, vendorCount - i) }, (_, k) => ({
      name: `Fournisseur ${i + k}`,
      siren: luhnSiren(50000000 + i + k),
      commune: pick(random, COMMUNES),
    }));
    const rows = (await ds.query(
      `INSERT INTO organisation (kind, name, siren, naf_code, commune_code, verified_at)
       SELECT 'vendor', x.name, x.siren, '62.01Z', x.commune, now() FROM jsonb_to_recordset($1::jsonb) AS x(name text, siren text, commune text)
       RETURNING id`,
      [JSON.stringify(batch)],
    )) as { id: string }[];
    vendorIds.push(...rows.map((r) => r.id));
    progress('Seeding vendors  ', vendorIds.length, vendorCount);
  }

  const started = Date.now();
  const offeringIds: string[] = [];
  for (let i = 0; i < offerings; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, offerings - i) }, (_, k) => {
      const useCase = pick(random, USE_CASES);
      const text = TEXTS[useCase];
      const profile = { ...pick(random, PROFILES), declaredAt: '2026-01-01T00:00:00.000Z' } as unknown as SovereigntyProfile;
      const vendor = pick(random, vendorIds);
      const dep = pick(random, COMMUNES).slice(0, 2);
      const national = random() < 0.3;
      const min = pick(random, [1000, 3000, 5000, 10000, 20000]);
      return {
        vendor_id: vendor,
        status: 'published' as const,
        title: `${pick(random, text.titles)} ${i + k}`,
        summary: text.summary,
        description: text.description,
        use_cases: random() < 0.3 ? [useCase, pick(random, USE_CASES)].filter((u, j, a) => a.indexOf(u) === j) : [useCase],
        sectors: random() < 0.4 ? [] : text.sectors.slice(0, 1),
        service_national: national,
        service_regions: national || random() < 0.5 ? [] : [REGION[dep]],
        service_departements: national ? [] : [dep],
        remote_delivery: random() < 0.6,
        min_budget_eur: min,
        max_budget_eur: min * pick(random, [4, 8, 15]),
        target_buyer_types: pick(random, [['collectivite'], ['pme', 'tpe'], ['pme', 'eti', 'collectivite']]),
        ...sovereigntyRowColumns(profile),
      };
    });
    offeringIds.push(...(await insertOfferingRows(ds, batch)));
    progress('Seeding offerings', offeringIds.length, offerings);
  }
  return { vendorCount, vendorIds, offeringIds, seedSeconds: (Date.now() - started) / 1000 };
}
