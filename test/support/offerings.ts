/**
 * Offerings for e2e tests, through the real API: a complete body (the 99/A profile of REFERENCE
 * §4.4), a vendor already verified by a curator, and a count of outbox events per offering.
 *
 *   const vendor = await registerVerifiedVendor(t, curator);
 *   const offering = await createOffering(t, vendor);                 // a complete draft
 *   await request(t.server).post(`/offerings/${offering.id}/publish`).set(bearer(vendor)).expect(200);
 */
import request from 'supertest';
import { bearer, registerVendor, type RegisterOverrides, type RegisteredSession, type TestSession } from './auth.js';
import type { TestApp } from './test-app.js';

export function sovereigntyProfile(overrides: Record<string, Record<string, unknown>> = {}): Record<string, unknown> {
  const base: Record<string, Record<string, unknown>> = {
    vendor: { hqJurisdiction: 'FR', nonEuControl: 'NONE', extraterritorialExposure: 'NO' },
    hosting: {
      deploymentModes: ['SAAS_DEDICATED', 'PRIVATE_CLOUD'],
      dataResidency: 'FR',
      providerName: 'OVHcloud',
      providerJurisdiction: 'FR',
      nonEuRemoteAccess: false,
    },
    certifications: { secNumCloud: 'OFFERING', hds: false, iso27001: true, iso42001: false, labels: ['EXPERTCYBER'] },
    ai: {
      usesMl: true,
      modelOrigin: 'FR',
      modelNames: ['Mistral Small'],
      modelLicence: 'OSI_OPEN_SOURCE',
      inferenceHosting: 'VENDOR_HOSTED_EU',
      trainingOnCustomerData: 'NEVER',
      aiActRole: 'PROVIDER',
      aiActRiskClass: 'MINIMAL',
      gpaiBased: true,
    },
    gdpr: { dpaArt28: true, subprocessorsPublic: true, nonEuTransfers: 'NONE', dpiaSupport: true },
    reversibility: { dataExportOpenFormat: true, exitClause: true },
  };
  return Object.fromEntries(Object.entries(base).map(([section, fields]) => [section, { ...fields, ...overrides[section] }]));
}

export function offeringBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Assistant documentaire souverain',
    summary: 'Un assistant RAG hébergé en France pour les agents.',
    description: 'Indexation des délibérations, réponses sourcées, hébergement qualifié.',
    useCases: ['KNOWLEDGE_ASSISTANT_RAG', 'DOC_PROCESSING'],
    sectors: ['84'],
    serviceArea: { national: false, regions: ['94'], departements: ['06'], remoteDelivery: true },
    pricing: { model: 'subscription', minBudgetEur: 3000, maxBudgetEur: 20000 },
    targetBuyerTypes: ['collectivite', 'pme'],
    references: { count: 4, sectors: ['84', 'C'] },
    sovereignty: sovereigntyProfile(),
    evidence: [{ claim: 'certifications.secNumCloud', url: 'https://cyber.gouv.fr/produits-services-qualifies', validUntil: '2028-06-30' }],
    ...overrides,
  };
}

/** A vendor whose organisation a curator has verified, so its offerings may be published. */
export async function registerVerifiedVendor(
  t: TestApp,
  curator: TestSession,
  overrides: RegisterOverrides = {},
): Promise<RegisteredSession> {
  const vendor = await registerVendor(t, overrides);
  await request(t.server).post(`/vendors/${vendor.organisationId}/verify`).set(bearer(curator)).expect(200);
  return vendor;
}

export async function createOffering(
  t: TestApp,
  vendor: TestSession,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const res = await request(t.server).post('/offerings').set(bearer(vendor)).send(offeringBody(overrides));
  if (res.status !== 201) throw new Error(`create offering failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createPublishedOffering(
  t: TestApp,
  vendor: TestSession,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const offering = await createOffering(t, vendor, overrides);
  const res = await request(t.server).post(`/offerings/${offering.id}/publish`).set(bearer(vendor));
  if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** How many `offering.changed` events the outbox holds for an offering. */
export async function offeringEvents(t: TestApp, offeringId: string): Promise<number> {
  const [row] = await t.dataSource.query(
    "SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'offering.changed' AND payload->>'offeringId' = $1",
    [offeringId],
  );
  return row.n;
}
