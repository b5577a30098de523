/**
 * Introductions for e2e tests, through the real API: a published need, a verified vendor with a
 * published offering that is eligible for it, and a curator's proposal.
 *
 *   const pair = await eligiblePair(t, curator);
 *   const intro = await proposeIntroduction(t, curator, pair);
 */
import request from 'supertest';
import { bearer, registerBuyer, type RegisterOverrides, type RegisteredSession, type TestSession } from './auth.js';
import { createPublishedOffering, registerVerifiedVendor } from './offerings.js';
import type { TestApp } from './test-app.js';

/** A need complete enough to be submitted, in Nice (06, région 93). */
export const completeNeed = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Tri automatique des courriers entrants',
  description: 'Nous recevons 300 courriers par jour et voulons les router automatiquement.',
  useCases: ['DOC_PROCESSING'],
  reach: 'regional',
  minBudgetEur: 5000,
  maxBudgetEur: 20000,
  desiredStart: '2027-01-15',
  deadline: '2027-06-30',
  dataSensitivity: 'personal',
  requirements: ['GDPR_DPA'],
  ...overrides,
});

export async function createNeed(
  t: TestApp,
  buyer: TestSession,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; status: string }> {
  const res = await request(t.server).post('/needs').set(bearer(buyer)).send(completeNeed(overrides));
  if (res.status !== 201) throw new Error(`create need failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createPublishedNeed(
  t: TestApp,
  buyer: TestSession,
  curator: TestSession,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const need = await createNeed(t, buyer, overrides);
  await request(t.server).post(`/needs/${need.id}/submit`).set(bearer(buyer)).send({}).expect(200);
  await request(t.server).post(`/needs/${need.id}/publish`).set(bearer(curator)).send({}).expect(200);
  return need;
}

export interface Pair {
  vendor: RegisteredSession;
  buyer: RegisteredSession;
  offeringId: string;
  needId: string;
}

/** A buyer with a published need and a verified vendor with an eligible published offering. */
export async function eligiblePair(
  t: TestApp,
  curator: TestSession,
  people: { vendor?: RegisterOverrides; buyer?: RegisterOverrides; offering?: Record<string, unknown> } = {},
): Promise<Pair> {
  const vendor = await registerVerifiedVendor(t, curator, people.vendor);
  const buyer = await registerBuyer(t, people.buyer);
  const offering = await createPublishedOffering(t, vendor, people.offering);
  const need = await createPublishedNeed(t, buyer, curator);
  return { vendor, buyer, offeringId: offering.id, needId: need.id };
}

export async function proposeIntroduction(
  t: TestApp,
  curator: TestSession,
  pair: Pick<Pair, 'needId' | 'offeringId'>,
): Promise<{ id: string; status: string; version: number }> {
  const res = await request(t.server)
    .post('/introductions')
    .set(bearer(curator))
    .send({ needId: pair.needId, offeringId: pair.offeringId, message: 'Un premier échange vous serait utile.' });
  if (res.status !== 201) throw new Error(`propose failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A fresh pair's introduction taken to a won deal by both sides (20–50 k€, starting in February 2027). */
export async function wonIntroduction(t: TestApp, curator: TestSession): Promise<{ pair: Pair; id: string }> {
  const pair = await eligiblePair(t, curator);
  const intro = await proposeIntroduction(t, curator, pair);
  const steps: [TestSession, string, Record<string, unknown>][] = [
    [pair.vendor, 'accept', {}],
    [pair.buyer, 'accept', {}],
    [pair.buyer, 'meeting-held', {}],
    [pair.buyer, 'outcome', { outcome: 'won', valueBand: '20k_50k', startDate: '2027-02-01' }],
  ];
  for (const [who, action, body] of steps) {
    const res = await request(t.server).post(`/introductions/${intro.id}/${action}`).set(bearer(who)).send(body);
    if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { pair, id: intro.id };
}
