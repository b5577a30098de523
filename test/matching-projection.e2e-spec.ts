import pg from 'pg';
import request from 'supertest';
import { OfferingMatch1764800000000 } from '../migrations/1764800000000-offering-match.js';
import { ConfirmedEstablishments1765300000000 } from '../migrations/1765300000000-confirmed-establishments.js';
import { insertOfferingRows, sovereigntyRowColumns } from '../bench/support/bulk-offerings.js';
import { luhnSiret, PROFILES } from '../src/demo/demo-data.js';
import type { SovereigntyProfile } from '../src/offerings/sovereignty-profile.js';
import { bearer, createCurator, randomSiren, type RegisteredSession, type TestSession } from './support/auth.js';
import { createOffering, createPublishedOffering, registerVerifiedVendor } from './support/offerings.js';
import { createTestApp, revertAndReapply, type TestApp } from './support/test-app.js';

/*
 * Decision 012: `offering_match` holds one row per published offering of a verified vendor, kept in
 * step by triggers. After every kind of write (through the API, a curator's confirmation of an
 * establishment included, and in SQL for the changes no route makes, such as a vendor losing its
 * verification or a bulk load), the table must equal its view `offering_match_source`, the one
 * definition of a row; and two transactions racing on an offering and its vendor must leave it equal too.
 */

/** Rows of the table not in the view, and rows of the view not in the table: [] when in step. */
async function drift(t: TestApp): Promise<{ side: string; offering_id: string }[]> {
  return t.dataSource.query(
    `SELECT 'stale' AS side, offering_id FROM (SELECT * FROM offering_match EXCEPT SELECT * FROM offering_match_source) a
     UNION ALL SELECT 'missing', offering_id FROM (SELECT * FROM offering_match_source EXCEPT SELECT * FROM offering_match) b`,
  );
}

describe('matching projection (decision 012): offering_match follows every write', () => {
  let t: TestApp;
  let curator: TestSession;
  let vendor: RegisteredSession;

  const row = async (offeringId: string) =>
    ((await t.dataSource.query('SELECT * FROM offering_match WHERE offering_id = $1', [offeringId])) as Record<string, unknown>[])[0];

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    vendor = await registerVerifiedVendor(t, curator);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('holds an offering from publication to archiving, with its edits, a curator’s decision on a claim and its vendor’s sites', async () => {
    const draft = await createOffering(t, vendor);
    expect(await row(draft.id)).toBeUndefined();

    const published = await createPublishedOffering(t, vendor, { useCases: ['DOC_PROCESSING'] });
    expect(await row(published.id)).toMatchObject({
      use_cases: ['DOC_PROCESSING'],
      vendor_commune_code: '06088',
      vendor_departements: ['06'],
      grade_verified: false,
    });
    expect(await drift(t)).toEqual([]);

    await request(t.server)
      .patch(`/offerings/${published.id}`)
      .set(bearer(vendor))
      .send({
        useCases: ['CUSTOMER_SERVICE_CHATBOT'],
        serviceArea: { national: true, regions: [], departements: [], remoteDelivery: false },
        version: published.version,
      })
      .expect(200);
    expect(await row(published.id)).toMatchObject({
      use_cases: ['CUSTOMER_SERVICE_CHATBOT'],
      service_national: true,
      remote_delivery: false,
    });

    // A rejected claim counts at its worst value: the effective profile, score and grade change.
    const declared = await row(published.id);
    await request(t.server)
      .post(`/offerings/${published.id}/claims/certifications.secNumCloud/reject`)
      .set(bearer(curator))
      .send({ comment: 'Attestation de qualification introuvable.' })
      .expect(200);
    const rejected = await row(published.id);
    expect(declared).toMatchObject({ sec_num_cloud: 'OFFERING' });
    expect(rejected.sec_num_cloud).not.toBe('OFFERING');
    expect(rejected.sovereignty_score).toBeLessThan(declared.sovereignty_score as number);
    expect(await drift(t)).toEqual([]);

    // A site in Marseille and one in Saint-Denis (La Réunion): three-character overseas département.
    const [marseille, reunion] = [1, 2].map((nic) => luhnSiret(vendor.organisation.siren, nic));
    const sites = [
      { siret: marseille, communeCode: '13055' },
      { siret: reunion, communeCode: '97411' },
    ];
    await request(t.server)
      .patch(`/organisations/${vendor.organisationId}`)
      .set(bearer(vendor))
      .send({ establishments: sites })
      .expect(200);
    // Declared sites count once a curator confirms them (decision 022).
    expect(await row(published.id)).toMatchObject({ vendor_establishment_communes: [], vendor_departements: ['06'] });
    expect(await drift(t)).toEqual([]);
    for (const { siret } of sites) {
      await request(t.server)
        .post(`/vendors/${vendor.organisationId}/establishments/${siret}/confirmation`)
        .set(bearer(curator))
        .expect(200);
    }
    expect(await row(published.id)).toMatchObject({
      vendor_establishment_communes: ['13055', '97411'],
      vendor_departements: ['06', '13', '974'],
    });
    expect(await drift(t)).toEqual([]);
    await request(t.server)
      .delete(`/vendors/${vendor.organisationId}/establishments/${marseille}/confirmation`)
      .set(bearer(curator))
      .expect(200);
    expect(await row(published.id)).toMatchObject({ vendor_establishment_communes: ['97411'], vendor_departements: ['06', '974'] });
    expect(await drift(t)).toEqual([]);

    await request(t.server).post(`/offerings/${published.id}/archive`).set(bearer(vendor)).expect(200);
    expect(await row(published.id)).toBeUndefined();
    expect(await drift(t)).toEqual([]);
  });

  it('drops a vendor’s offerings when it loses its verification and brings them back with it', async () => {
    const other = await registerVerifiedVendor(t, curator);
    const a = await createPublishedOffering(t, other);
    const b = await createPublishedOffering(t, other);
    await t.dataSource.query('UPDATE organisation SET verified_at = NULL WHERE id = $1', [other.organisationId]);
    expect([await row(a.id), await row(b.id)]).toEqual([undefined, undefined]);
    await t.dataSource.query('UPDATE organisation SET verified_at = now() WHERE id = $1', [other.organisationId]);
    expect((await row(a.id))?.offering_id).toBe(a.id);
    expect((await row(b.id))?.offering_id).toBe(b.id);
    // A change the projection does not hold (the name) leaves it as it is.
    await t.dataSource.query("UPDATE organisation SET name = 'Renommée' WHERE id = $1", [other.organisationId]);
    expect(await drift(t)).toEqual([]);
  });

  it('follows bulk statements: many offerings inserted, updated and deleted at once', async () => {
    const profile = { ...PROFILES[0], declaredAt: '2026-01-01T00:00:00.000Z' } as unknown as SovereigntyProfile;
    const ids = await insertOfferingRows(
      t.dataSource,
      Array.from({ length: 120 }, (_, i) => ({
        vendor_id: vendor.organisation.id as string,
        status: i % 4 === 0 ? ('draft' as const) : ('published' as const),
        title: `Offre en lot ${i}`,
        summary: 'Résumé',
        description: 'Description',
        use_cases: ['DOC_PROCESSING'],
        sectors: [],
        service_national: true,
        service_regions: [],
        service_departements: [],
        remote_delivery: true,
        min_budget_eur: 1000,
        max_budget_eur: 5000,
        target_buyer_types: [],
        ...sovereigntyRowColumns(profile),
      })),
    );
    const inProjection = async () =>
      (
        (await t.dataSource.query('SELECT count(*)::int AS n FROM offering_match WHERE offering_id = ANY($1::uuid[])', [ids])) as {
          n: number;
        }[]
      )[0].n;
    expect(await inProjection()).toBe(90);
    await t.dataSource.query(
      "UPDATE offering SET status = 'published', published_at = now() WHERE id = ANY($1::uuid[]) AND status = 'draft'",
      [ids],
    );
    expect(await inProjection()).toBe(120);
    await t.dataSource.query('UPDATE offering SET min_budget_eur = 2000 WHERE id = ANY($1::uuid[])', [ids]);
    await t.dataSource.query('DELETE FROM offering WHERE id = ANY($1::uuid[])', [ids.slice(0, 30)]);
    expect(await inProjection()).toBe(90);
    expect(await drift(t)).toEqual([]);
  });

  it('stays in step when an offering and its vendor change in concurrent transactions, whichever goes first', async () => {
    const racer = await registerVerifiedVendor(t, curator);
    const offering = await createPublishedOffering(t, racer);
    const connect = async () => {
      const client = new pg.Client({ connectionString: t.database.url });
      await client.connect();
      return client;
    };
    const [one, two] = [await connect(), await connect()];
    /** `first` runs in an open transaction; `second` must then wait for its lock until it commits. */
    const race = async (
      first: pg.Client,
      firstSql: string,
      firstParams: unknown[],
      second: pg.Client,
      secondSql: string,
      secondParams: unknown[],
    ) => {
      await first.query('BEGIN');
      await first.query(firstSql, firstParams);
      const [{ pid }] = (await second.query('SELECT pg_backend_pid() AS pid')).rows as { pid: number }[];
      const waiting = second.query(secondSql, secondParams);
      for (let i = 0; ; i++) {
        const [state] = (await t.dataSource.query('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid])) as {
          wait_event_type: string | null;
        }[];
        if (state?.wait_event_type === 'Lock') break;
        if (i > 100) throw new Error('the second transaction never waited for the first');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await first.query('COMMIT');
      await waiting;
    };
    try {
      // The offering first: the vendor's change waits for it, then re-reads the committed offering.
      await race(
        one,
        "UPDATE offering SET use_cases = '{TRANSLATION_SPEECH}' WHERE id = $1",
        [offering.id],
        two,
        'UPDATE organisation SET verified_at = NULL WHERE id = $1',
        [racer.organisationId],
      );
      expect(await row(offering.id)).toBeUndefined();
      expect(await drift(t)).toEqual([]);

      // The vendor first: the offering's change waits for the vendor's lock, then reads it verified.
      await race(
        two,
        'UPDATE organisation SET verified_at = now() WHERE id = $1',
        [racer.organisationId],
        one,
        "UPDATE offering SET use_cases = '{CUSTOMER_SERVICE_CHATBOT}' WHERE id = $1",
        [offering.id],
      );
      expect(await row(offering.id)).toMatchObject({ use_cases: ['CUSTOMER_SERVICE_CHATBOT'] });
      expect(await drift(t)).toEqual([]);
    } finally {
      await one.end();
      await two.end();
    }
  });

  it('folds in confirmed establishments only, and every declared one again when that migration is reverted', async () => {
    const siren = randomSiren();
    const [lyon, lille] = [1, 2].map((nic) => luhnSiret(siren, nic));
    const sited = await registerVerifiedVendor(t, curator, {
      organisation: {
        siren,
        establishments: [
          { siret: lyon, communeCode: '69123' },
          { siret: lille, communeCode: '59350' },
        ],
      },
    });
    const offering = await createPublishedOffering(t, sited);
    await request(t.server).post(`/vendors/${sited.organisationId}/establishments/${lyon}/confirmation`).set(bearer(curator)).expect(200);
    expect(await row(offering.id)).toMatchObject({ vendor_establishment_communes: ['69123'], vendor_departements: ['06', '69'] });
    await revertAndReapply(t, new ConfirmedEstablishments1765300000000(), async () => {
      expect(await row(offering.id)).toMatchObject({
        vendor_establishment_communes: ['69123', '59350'],
        vendor_departements: ['06', '59', '69'],
      });
      expect(await drift(t)).toEqual([]);
    });
    expect(await row(offering.id)).toMatchObject({ vendor_establishment_communes: ['69123'], vendor_departements: ['06', '69'] });
    expect(await drift(t)).toEqual([]);
  });

  it('is filled from the offerings already there when the migration runs, and reverts cleanly', async () => {
    const before = ((await t.dataSource.query('SELECT count(*)::int AS n FROM offering_match')) as { n: number }[])[0].n;
    expect(before).toBeGreaterThan(90);
    // Decision 022's view of confirmed establishments replaced this one: reverted first, re-applied last.
    await revertAndReapply(t, new ConfirmedEstablishments1765300000000(), () =>
      revertAndReapply(t, new OfferingMatch1764800000000(), async () => {
        expect(
          (
            await t.dataSource.query("SELECT count(*)::int AS n FROM pg_class WHERE relname IN ('offering_match', 'offering_match_source')")
          )[0].n,
        ).toBe(0);
      }),
    );
    expect(((await t.dataSource.query('SELECT count(*)::int AS n FROM offering_match')) as { n: number }[])[0].n).toBe(before);
    expect(await drift(t)).toEqual([]);
  });
});
