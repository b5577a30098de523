import request from 'supertest';
import { bearer, createCurator, type TestSession } from './support/auth.js';
import { eligiblePair, proposeIntroduction } from './support/introductions.js';
import { QueryOutsideTransactionError } from '../src/persistence/transaction-guard.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 17 item 1: a transition that read contacts through a second pool connection while its
 * transaction held the row lock emptied the pool (503 after the 3 s acquire timeout).
 */
describe('Introductions under 50 simultaneous answers', () => {
  let t: TestApp;
  let curator: TestSession;

  beforeAll(async () => {
    // Two connections: one loser blocked on the row lock is enough to starve a second acquire, every run.
    t = await createTestApp({ env: { DB_POOL_SIZE: '2' } });
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const accept = (who: { accessToken: string }, id: string) =>
    request(t.server).post(`/introductions/${id}/accept`).set(bearer(who)).send({});

  /** Sends the burst while another route is asked every few milliseconds; returns both sets of statuses. */
  async function burst(requests: (() => request.Test)[]): Promise<{ statuses: number[]; other: number[] }> {
    let done = false;
    const other: number[] = [];
    const probe = (async () => {
      while (!done) other.push((await request(t.server).get('/health/ready')).status);
    })();
    const results = await Promise.all(requests.map((r) => r()));
    done = true;
    await probe;
    return { statuses: results.map((r) => r.status), other };
  }

  const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

  it('connects once of 50 vendor accepts at buyer_accepted: 1 × 200, 49 × 409, no 503, other routes answer', async () => {
    const pair = await eligiblePair(t, curator);
    const intro = await proposeIntroduction(t, curator, pair);
    await accept(pair.buyer, intro.id).expect(200);
    const { statuses, other } = await burst(Array.from({ length: 50 }, () => () => accept(pair.vendor, intro.id)));
    expect({ ok: count(statuses, 200), conflict: count(statuses, 409), total: statuses.length }).toEqual({
      ok: 1,
      conflict: 49,
      total: 50,
    });
    // A starved pool shows as statuses, not time: its acquire timeout answers 503 "database
    // unavailable", to the accepts and to the probe alike (no wall-clock bound: it flaked on a loaded CI).
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((s) => s === 200)).toBe(true);
    const [row] = await t.dataSource.query('SELECT status FROM introduction WHERE id = $1', [intro.id]);
    expect(row.status).toBe('connected');
  });

  it('lets one of 25 + 25 accepts by both sides on proposed through (version 1): 1 × 200, 49 × 409, no 503', async () => {
    const pair = await eligiblePair(t, curator);
    const intro = await proposeIntroduction(t, curator, pair);
    const answer = (who: { accessToken: string }) => () =>
      request(t.server).post(`/introductions/${intro.id}/accept`).set(bearer(who)).send({ version: 1 });
    const requests = Array.from({ length: 50 }, (_, i) => answer(i % 2 ? pair.buyer : pair.vendor));
    const { statuses, other } = await burst(requests);
    expect({ ok: count(statuses, 200), conflict: count(statuses, 409), total: statuses.length }).toEqual({
      ok: 1,
      conflict: 49,
      total: 50,
    });
    expect(other.every((s) => s === 200)).toBe(true);
    const [row] = await t.dataSource.query('SELECT status, version FROM introduction WHERE id = $1', [intro.id]);
    expect(row).toEqual({ status: expect.stringMatching(/^(vendor|buyer)_accepted$/), version: 2 });
  });

  it('refuses, inside a transaction, a query that takes another pool connection', async () => {
    await expect(t.dataSource.transaction(async () => t.dataSource.query('SELECT 1'))).rejects.toThrow(QueryOutsideTransactionError);
    await expect(t.dataSource.transaction(async (m) => m.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
    await expect(t.dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });
});
