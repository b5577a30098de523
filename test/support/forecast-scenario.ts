import request from 'supertest';
import { bearer, registerBuyer, type RegisteredSession, type TestSession } from './auth.js';
import { createPublishedOffering, registerVerifiedVendor } from './offerings.js';
import type { TestApp } from './test-app.js';

/*
 * Issue 26's bakery: a published national need for a sales forecast, a specialist offering for it,
 * and an off-topic phishing filter sharing only a few generic words with it (the relevance floor's case).
 */

/** A sales-forecast offering, national, for small businesses. */
export const forecastOffering = (overrides: Record<string, unknown> = {}) => ({
  title: 'Prévision des ventes pour commerces de proximité',
  summary: 'Prévoir les ventes de chaque jour pour produire juste.',
  description: 'Modèle de prévision des ventes à partir de l’historique de caisse, de la météo et du calendrier.',
  useCases: ['SALES_FORECAST'],
  sectors: [],
  serviceArea: { national: true, regions: [], departements: [], remoteDelivery: true },
  pricing: { model: 'subscription', minBudgetEur: 1000, maxBudgetEur: 20000 },
  targetBuyerTypes: ['pme'],
  evidence: [],
  ...overrides,
});

export interface ForecastScenario {
  buyer: RegisteredSession;
  vendor: RegisteredSession;
  offTopicVendor: RegisteredSession;
  specialistId: string;
  offTopicId: string;
  needId: string;
}

export async function forecastScenario(t: TestApp, curator: TestSession): Promise<ForecastScenario> {
  const buyer = await registerBuyer(t, {
    organisation: { name: 'Boulangerie Test', buyerType: 'pme', communeCode: '06088', nafCode: '10.71C' },
  });
  const vendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '75056', name: 'Prévi Ventes' } });
  const offTopicVendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '75056', name: 'Anti Hameçon' } });
  const specialistId = (await createPublishedOffering(t, vendor, forecastOffering())).id;
  const offTopicId = (
    await createPublishedOffering(
      t,
      offTopicVendor,
      forecastOffering({
        title: 'Filtre anti-hameçonnage des courriels',
        summary: 'Bloque les courriels frauduleux avant la boîte de réception.',
        description: 'Analyse des liens et des pièces jointes, pour les commerces et les PME.',
        useCases: ['CYBERSECURITY'],
      }),
    )
  ).id;
  const needId = await publishForecastNeed(t, buyer, curator, {
    title: 'Prévoir les ventes de la boulangerie',
    description:
      'Nous jetons trop de pain le soir : nous voulons prévoir les ventes de chaque jour pour les commerces de notre boulangerie.',
  });
  return { buyer, vendor, offTopicVendor, specialistId, offTopicId, needId };
}

/** A national sales-forecast need of `buyer`, submitted and published by `curator`; its id. */
export async function publishForecastNeed(
  t: TestApp,
  buyer: TestSession,
  curator: TestSession,
  text: { title: string; description?: string },
): Promise<string> {
  const created = await request(t.server)
    .post('/needs')
    .set(bearer(buyer))
    .send({
      title: text.title,
      description:
        text.description ?? 'Nous jetons trop de pain le soir : nous voulons prévoir les ventes de chaque jour pour produire juste.',
      useCases: ['SALES_FORECAST'],
      reach: 'national',
      desiredStart: '2027-02-01',
      dataSensitivity: 'none',
      requirements: [],
    })
    .expect(201);
  await request(t.server).post(`/needs/${created.body.id}/submit`).set(bearer(buyer)).send({}).expect(200);
  await request(t.server).post(`/needs/${created.body.id}/publish`).set(bearer(curator)).send({}).expect(200);
  return created.body.id as string;
}
