import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import createClient, { type Client } from 'openapi-fetch';
import { createCurator, randomSiren, TEST_PASSWORD, uniqueEmail, verificationToken, type TestSession } from './support/auth.js';
import type { components, paths } from './support/generated/openapi.js';
import { sovereigntyProfile } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Schemas = components['schemas'];

/**
 * Issue 21: a partner's journey through a client typed from the OpenAPI document alone
 * (`npm run openapi:types`), over real HTTP. If the document drifts from the API, this file stops
 * type-checking or the contract check of the test app fails it.
 */
describe('A typed client generated from the OpenAPI document', () => {
  let t: TestApp;
  let api: Client<paths>;
  let curator: TestSession;
  const as = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    api = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}` });
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const register = async (role: 'vendor' | 'buyer', organisation: Partial<Schemas['CreateOrganisationDto']>) => {
    const body: Schemas['RegisterDto'] = {
      email: uniqueEmail(role),
      password: TEST_PASSWORD,
      displayName: role === 'vendor' ? 'Marie Curie' : 'Camille Martin',
      role,
      organisation: {
        name: `Organisation ${randomSiren()}`,
        siren: randomSiren(),
        nafCode: '62.01Z',
        communeCode: '06088',
        ...organisation,
      },
      acceptTerms: true,
    };
    const { data, error, response } = await api.POST('/auth/register', { body });
    expect({ status: response.status, error }).toEqual({ status: 201, error: undefined });
    // Publishing and submitting wait for the address to be confirmed, by the e-mail's link.
    const confirmed = await api.POST('/auth/email/verify', { body: { token: await verificationToken(t, data!.user.id) } });
    expect(confirmed.response.status).toBe(204);
    return data!;
  };

  it('registers a vendor and a buyer, publishes an offering, posts a need and matches it', async () => {
    const vendor = await register('vendor', { name: 'Azur IA Docs', communeCode: '06152' });
    const vendorOrganisation = vendor.user.organisationId!;
    const verified = await api.POST('/vendors/{id}/verify', { params: { path: { id: vendorOrganisation } }, ...as(curator.accessToken) });
    expect(verified.data?.verifiedAt).toEqual(expect.any(String));

    const offering: Schemas['CreateOfferingDto'] = {
      title: 'Tri automatique du courrier',
      summary: 'Lecture et routage automatique des courriers et factures.',
      description: 'OCR, extraction des champs et classement des dossiers pour les services.',
      useCases: ['DOC_PROCESSING'],
      sectors: [],
      serviceArea: { national: true, regions: [], departements: [], remoteDelivery: true },
      pricing: { model: 'project', minBudgetEur: 5000, maxBudgetEur: 50000 },
      targetBuyerTypes: ['pme', 'collectivite'],
      references: { count: 2, sectors: ['84'] },
      sovereignty: sovereigntyProfile() as unknown as Schemas['CreateOfferingDto']['sovereignty'],
      evidence: [],
    };
    const draft = await api.POST('/offerings', { body: offering, ...as(vendor.accessToken) });
    expect(draft.error).toBeUndefined();
    const published = await api.POST('/offerings/{id}/publish', { params: { path: { id: draft.data!.id } }, ...as(vendor.accessToken) });
    expect(published.data?.status).toBe('published');

    const buyer = await register('buyer', { buyerType: 'collectivite', nafCode: '84.11Z' });
    const need = await api.POST('/needs', {
      body: {
        title: 'Tri automatique du courrier de la mairie',
        description: 'Nous recevons 300 courriers par jour ; nous voulons les lire et les router vers les services.',
        useCases: ['DOC_PROCESSING'],
        reach: 'national',
        minBudgetEur: 10000,
        maxBudgetEur: 30000,
        desiredStart: '2027-01-15',
        dataSensitivity: 'none',
        requirements: [],
      },
      ...as(buyer.accessToken),
    });
    expect(need.error).toBeUndefined();
    const needId = need.data!.id;
    const submitted = await api.POST('/needs/{id}/submit', { params: { path: { id: needId } }, body: {}, ...as(buyer.accessToken) });
    expect(submitted.data?.status).toBe('submitted');
    const live = await api.POST('/needs/{id}/publish', { params: { path: { id: needId } }, body: {}, ...as(curator.accessToken) });
    expect(live.data?.status).toBe('published');

    const { data: matches, error } = await api.GET('/needs/{id}/matches', { params: { path: { id: needId } }, ...as(buyer.accessToken) });
    expect(error).toBeUndefined();
    const [first] = matches!.items;
    expect({ offering: first.offering.id, vendor: first.vendor.name, rank: first.rank }).toEqual({
      offering: draft.data!.id,
      vendor: 'Azur IA Docs',
      rank: 1,
    });
    const contributions = first.criteria.reduce((sum, c) => sum + c.contribution, 0);
    expect(contributions).toBeCloseTo(first.total, 0);
  });

  it('receives the documented error body, typed, when the request is refused', async () => {
    const { data, error, response } = await api.GET('/needs/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' } satisfies Partial<Schemas['ErrorBodyDto']>);
  });
});
