import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { bearer, createStaffUser, registerBuyer, registerVendor, type TestSession } from './support/auth.js';
import { discoverRoutes, isConsolePath, type Route } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Property-based bad input on every write route: generated bodies (wrong types, huge and unicode
 * strings, unknown fields, nested junk), ids and query strings. Property: never a 5xx, and a
 * refused request changes no table. `npm test` runs a quick profile; `npm run test:fuzz` sets
 * FUZZ_RUNS so the whole suite makes over 10,000 requests.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12);

/** Calls that would end the caller's own session or account: fuzzed elsewhere, not here. */
const SKIPPED = new Set(['DELETE /me', 'POST /auth/logout']);

/** C0 and C1 control characters, NUL included: PostgreSQL text cannot hold U+0000 (issue 17 item 2). */
const controlChar = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));
const controlString = fc.string({ unit: fc.oneof(controlChar, fc.constantFrom('a', 'é', ' ', '@')), maxLength: 20 });
const junkString = fc.oneof(
  fc.string({ maxLength: 30 }),
  controlString,
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', '💥', 'é'.repeat(3), "'; DROP TABLE need; --", '../../etc/passwd', '{"$gt":""}', 'NaN', '-1', '1e309'),
  fc.constant('x'.repeat(100_000)),
);
const junkValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    junkString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;
const FIELDS = [
  'title',
  'description',
  'useCases',
  'email',
  'password',
  'version',
  'status',
  'needId',
  'offeringId',
  'organisation',
  'sovereignty',
  'serviceArea',
  'pricing',
  'muted',
  'message',
  'reason',
  'outcome',
  'weights',
  'comment',
  'requirements',
  'minBudgetEur',
  'communeCode',
  'role',
];
const body = fc.oneof(fc.dictionary(fc.constantFrom(...FIELDS), junkValue, { maxKeys: 6 }), junkValue, fc.constant({}));
const pathParam = fc.oneof(
  fc.uuid(),
  controlString,
  fc.constantFrom('0', 'null', '%00', '..', 'a'.repeat(300), '00000000-0000-0000-0000-000000000000'),
);
// Query strings stay under Node's header limit (a 100 kB URL is refused by Node itself with 431).
const queryString = fc.dictionary(
  fc.constantFrom('page', 'pageSize', 'q', 'status', 'limit', 'includeExcluded', 'sort'),
  fc.oneof(fc.string({ maxLength: 30 }), controlString, fc.constant('x'.repeat(2000))),
  { maxKeys: 3 },
);

describe('bad input on every write route', () => {
  let t: TestApp;
  let sessions: TestSession[];
  let writes: Route[];

  /** Row counts of every table: a refused request must leave them as they were (rate_limit counts attempts, refused ones too, by design). */
  const counts = async (): Promise<string> => {
    const tables: { tablename: string }[] = await t.dataSource.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'rate_limit') ORDER BY tablename",
    );
    const rows: { t: string; n: number }[] = await t.dataSource.query(
      tables.map((x) => `SELECT '${x.tablename}' AS t, count(*)::int AS n FROM "${x.tablename}"`).join(' UNION ALL '),
    );
    return rows.map((r) => `${r.t}=${r.n}`).join(',');
  };

  beforeAll(async () => {
    t = await createTestApp();
    sessions = [await registerVendor(t), await registerBuyer(t), await createStaffUser(t, 'curator'), await createStaffUser(t, 'admin')];
    // Console forms (/app) need a CSRF token first; their bad input is tested in test/web.
    writes = discoverRoutes(t).filter((r) => r.method !== 'GET' && !isConsolePath(r.path) && !SKIPPED.has(`${r.method} ${r.path}`));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds write routes to fuzz', () => {
    expect(writes.length).toBeGreaterThan(20);
  });

  // A dozen requests per write route, each between two full row counts: minutes on a busy CI, not the default 30 s.
  it('never answers 5xx and never half-writes a refused request', async () => {
    const problems: string[] = [];
    for (const route of writes) {
      await fc.assert(
        fc.asyncProperty(body, pathParam, queryString, fc.integer({ min: 0, max: sessions.length }), async (payload, id, query, who) => {
          const before = await counts();
          const url = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(id === 'x' ? randomUUID() : id));
          const req = request(t.server)[route.method.toLowerCase() as 'post'](url).query(query).set('content-type', 'application/json');
          if (who < sessions.length) req.set(bearer(sessions[who]));
          const res = await req.send(JSON.stringify(payload) ?? 'null');
          if (res.status >= 500) problems.push(`${route.method} ${url}: ${res.status} for ${JSON.stringify(payload).slice(0, 200)}`);
          else if (res.status >= 400 && (await counts()) !== before)
            problems.push(`${route.method} ${url}: ${res.status} yet a table changed`);
          else if (res.status >= 400)
            expect(res.body).toMatchObject({ statusCode: res.status, code: expect.any(String), requestId: expect.any(String) });
        }),
        { numRuns: RUNS_PER_ROUTE, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
      );
    }
    expect(problems).toEqual([]);
    // Every write route × RUNS_PER_ROUTE requests: past Jest's timeout on a loaded machine.
  }, 180_000);

  it('never answers 5xx to a read route given control characters in its query string or path', async () => {
    const reads = discoverRoutes(t).filter((r) => r.method === 'GET' && !r.path.startsWith('/docs'));
    const readQuery = fc.dictionary(
      fc.constantFrom('q', 'action', 'entityType', 'actorId', 'status', 'region', 'departement', 'page', 'useCase', 'sort'),
      controlString,
      { minKeys: 1, maxKeys: 3 },
    );
    const problems: string[] = [];
    for (const route of reads) {
      await fc.assert(
        fc.asyncProperty(readQuery, pathParam, fc.integer({ min: 0, max: sessions.length }), async (query, id, who) => {
          const url = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(id));
          const req = request(t.server).get(url).query(query);
          if (who < sessions.length) req.set(bearer(sessions[who]));
          const res = await req;
          if (res.status >= 500) problems.push(`GET ${url}?${new URLSearchParams(query)}: ${res.status}`);
        }),
        { numRuns: Math.max(4, Math.ceil(RUNS_PER_ROUTE / 3)), seed: Number(process.env.FUZZ_SEED ?? 20261125) },
      );
    }
    expect(problems).toEqual([]);
  });
});
