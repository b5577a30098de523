import { EntityReader } from '../src/persistence/entity-reader.js';
import { seedDemo } from '../src/demo/demo-seeder.js';
import { NeedEntity } from '../src/needs/need.entity.js';
import { OfferingClaimEntity, OfferingEntity } from '../src/offerings/offering.entity.js';
import { OrganisationEntity } from '../src/organisations/organisation.entity.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/*
 * Decision 013: the hot reads hydrate entities from SQL built once. On the demo data (offerings in
 * every status, with and without a sovereignty profile, reviewed claims, vendors and buyers,
 * verified or not, with establishments), every row must come out exactly as TypeORM's find does:
 * same class, same properties, same values (dates, JSON, arrays, nulls).
 */
describe('EntityReader: the same entities as TypeORM find', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.app, () => undefined);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['offering', OfferingEntity],
    ['organisation', OrganisationEntity],
  ] as const)('reads every %s by id as findOneBy does', async (table, target) => {
    const reader = new EntityReader(t.dataSource, target);
    const ids = ((await t.dataSource.query(`SELECT id FROM ${table}`)) as { id: string }[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) {
      const expected = await t.dataSource.manager.getRepository(target).findOneBy({ id });
      const found = await reader.findOneBy('id', id);
      expect(found).toBeInstanceOf(target);
      expect(found).toStrictEqual(expected);
    }
    expect(await reader.findOneBy('id', '7f1c9c1e-0000-4000-8000-000000000000')).toBeNull();
  });

  it('reads every offering’s claims as findBy does, in a transaction too', async () => {
    const reader = new EntityReader(t.dataSource, OfferingClaimEntity);
    const ids = ((await t.dataSource.query('SELECT DISTINCT offering_id FROM offering_claim')) as { offering_id: string }[]).map(
      (r) => r.offering_id,
    );
    expect(ids.length).toBeGreaterThan(3);
    const sort = (claims: OfferingClaimEntity[]) => [...claims].sort((a, b) => a.claim.localeCompare(b.claim));
    for (const offeringId of ids) {
      const expected = await t.dataSource.manager.getRepository(OfferingClaimEntity).findBy({ offeringId });
      expect(sort(await reader.findBy('offeringId', offeringId))).toStrictEqual(sort(expected));
    }
    await t.dataSource.transaction(async (manager) => {
      await manager.query("UPDATE offering_claim SET comment = 'vu dans la transaction' WHERE offering_id = $1", [ids[0]]);
      const inside = await reader.findBy('offeringId', ids[0], manager);
      expect(inside.every((c) => c.comment === 'vu dans la transaction')).toBe(true);
    });
  });

  it('refuses an unknown property, and an entity with relations', async () => {
    const reader = new EntityReader(t.dataSource, OfferingEntity);
    await expect(reader.findBy('nope' as keyof OfferingEntity & string, 1)).rejects.toThrow('OfferingEntity has no column nope.');
    expect(() => new EntityReader(t.dataSource, NeedEntity)).toThrow('reads flat entities only');
  });
});
