/**
 * Partners and their API keys for e2e tests, through the admin API (decision 029).
 *
 *   const { partnerId, secret } = await createPartnerKey(t, admin, ['needs:write']);
 *   await request(t.server).post('/partner/needs').set(apiKey(secret)).send(partnerNeedBody());
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { bearer, loginAs, randomSiren, TEST_PASSWORD, uniqueEmail, type TestSession } from './auth.js';
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
  const res = await request(t.server).post(`/partners/${id}/api-keys`).set(bearer(admin)).send({ label: 'test', scopes });
  if (res.status !== 201) throw new Error(`create key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { partnerId: id, keyId: res.body.id, prefix: res.body.prefix, secret: res.body.secret };
}

/**
 * A partner-admin of `partnerId`, as a person gets one: invited by the admin, password chosen through
 * the e-mailed link (read from the outbox, as the e-mail carries it), then signed in.
 */
export async function createPartnerAdmin(t: TestApp, admin: TestSession, partnerId: string): Promise<TestSession & { partnerId: string }> {
  const email = uniqueEmail('partenaire');
  const invited = await request(t.server)
    .post(`/admin/partners/${partnerId}/members`)
    .set(bearer(admin))
    .send({ email, displayName: 'Claire Dupont' });
  if (invited.status !== 201) throw new Error(`invite partner-admin failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const [{ token }] = (await t.dataSource.query(
    `SELECT payload->>'token' AS token FROM outbox_event
      WHERE topic = 'account.invitation' AND payload->>'userId' = $1 ORDER BY seq DESC LIMIT 1`,
    [invited.body.userId],
  )) as { token: string }[];
  const reset = await request(t.server).post('/auth/password/reset').send({ token, password: TEST_PASSWORD });
  if (reset.status !== 204) throw new Error(`partner-admin password failed: ${reset.status} ${JSON.stringify(reset.body)}`);
  return { ...(await loginAs(t, email)), partnerId };
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
