/**
 * Partners and their API keys for e2e tests, through the admin API (decision 029).
 *
 *   const { partnerId, secret } = await createPartnerKey(t, admin, ['needs:write']);
 *   await request(t.server).post('/partner/needs').set(apiKey(secret)).send(partnerNeedBody());
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { bearer, randomSiren, uniqueEmail, type TestSession } from './auth.js';
import { completeNeed } from './introductions.js';
import type { TestApp } from './test-app.js';

export const apiKey = (secret: string): { 'X-Api-Key': string } => ({ 'X-Api-Key': secret });

export async function createPartner(
  t: TestApp,
  admin: TestSession,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  const res = await request(t.server)
    .post('/admin/partners')
    .set(bearer(admin))
    .send({ name: `CCI Test ${randomBytes(4).toString('hex')}`, kind: 'cci', ...overrides });
  if (res.status !== 201) throw new Error(`create partner failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createPartnerKey(
  t: TestApp,
  admin: TestSession,
  scopes: string[] = ['needs:write', 'needs:read'],
  partnerId?: string,
): Promise<{ partnerId: string; keyId: string; prefix: string; secret: string }> {
  const id = partnerId ?? (await createPartner(t, admin)).id;
  const res = await request(t.server).post(`/admin/partners/${id}/api-keys`).set(bearer(admin)).send({ label: 'test', scopes });
  if (res.status !== 201) throw new Error(`create key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { partnerId: id, keyId: res.body.id, prefix: res.body.prefix, secret: res.body.secret };
}

/** A POST /partner/needs body for a new company (or `company.siren` of a known one). */
export function partnerNeedBody(
  overrides: { company?: Record<string, unknown>; contactEmail?: string; need?: Record<string, unknown> } = {},
) {
  return {
    company: {
      name: `Boulangerie du Port ${randomBytes(3).toString('hex')}`,
      siren: randomSiren(),
      nafCode: '10.71C',
      communeCode: '06088',
      buyerType: 'tpe',
      ...overrides.company,
    },
    contactEmail: overrides.contactEmail ?? uniqueEmail('dirigeante'),
    need: completeNeed(overrides.need),
  };
}
