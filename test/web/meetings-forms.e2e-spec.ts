import request from 'supertest';
import { bearer, createCurator, registerBuyer, type RegisteredSession, type TestSession } from '../support/auth.js';
import { forecastScenario, type ForecastScenario } from '../support/forecast-scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, webSignIn, type WebClient } from '../support/web.js';

/*
 * Issue 19's console forms over HTTP, with the session cookie and CSRF token as a browser sends
 * them: a buyer registers with a draft need created on the spot, a vendor with its offering; each
 * wishes among the proposals shown with their reasons; on the day the curator checks a meeting in.
 */
describe('business meetings in the console: registration, wishes, check-in', () => {
  let t: TestApp;
  let curator: TestSession;
  let s: ForecastScenario;
  let walkIn: RegisteredSession;
  let eventId: string;
  let buyerWeb: WebClient;
  let vendorWeb: WebClient;

  const wishValues = (html: string): string[] => [...html.matchAll(/name="attendeeIds" value="([^"]+)"/g)].map((m) => m[1]);

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    s = await forecastScenario(t, curator);
    walkIn = await registerBuyer(t, {
      organisation: { name: 'Fournil du Cours', buyerType: 'pme', communeCode: '06088', nafCode: '10.71C' },
    });
    const created = await request(t.server)
      .post('/events')
      .set(bearer(curator))
      .send({
        title: "Osez l'IA — Menton",
        date: '2027-06-10',
        communeCode: '06088',
        opensAt: '14:00',
        closesAt: '15:00',
        meetingMinutes: 20,
        tables: 3,
        capacity: 10,
        wishesPerAttendee: 2,
        registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    eventId = created.body.id;
    await request(t.server).post(`/events/${eventId}/publish`).set(bearer(curator)).send({}).expect(200);
    buyerWeb = await webSignIn(t, walkIn);
    vendorWeb = await webSignIn(t, s.vendor);
  });
  afterAll(() => t?.close());

  it('registers a buyer with a new draft need, asking in French for what is missing', async () => {
    const form = await buyerWeb.get(`/app/rendez-vous/${eventId}/inscription`);
    expect(form.status).toBe(200);
    expect(visibleText(form.text)).toContain('Un nouveau besoin, créé ici en brouillon');
    expect(visibleText(form.text)).toContain('14:40');

    const incomplete = await buyerWeb.post(`/app/rendez-vous/${eventId}/inscription`, {
      needId: 'nouveau',
      title: 'Prévoir les ventes du fournil',
      availableSlots: ['0', '1', '2'],
    });
    expect(incomplete.status).toBe(400);
    expect(visibleText(incomplete.text)).toContain("Choisissez un cas d'usage.");
    expect(incomplete.text).toContain('value="Prévoir les ventes du fournil"');

    const done = await buyerWeb.post(`/app/rendez-vous/${eventId}/inscription`, {
      needId: 'nouveau',
      title: 'Prévoir les ventes du fournil',
      description: 'Nous voulons prévoir les ventes de chaque jour pour cuire juste assez de pain dans notre fournil.',
      communeCode: 'Nice (06088)',
      useCase: 'SALES_FORECAST',
      availableSlots: ['0', '1', '2'],
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/app/rendez-vous/${eventId}/souhaits?message=meeting-registered`);
    // Registered: the form now leads to the wishes.
    expect((await buyerWeb.get(`/app/rendez-vous/${eventId}/inscription`)).location).toBe(`/app/rendez-vous/${eventId}/souhaits`);
    const needs = await request(t.server).get('/needs').query({ status: 'draft' }).set(bearer(walkIn)).expect(200);
    expect(needs.body.items.map((n: { title: string }) => n.title)).toEqual(['Prévoir les ventes du fournil']);
  });

  it('registers a vendor with its offering, then each side wishes among proposals shown with their reasons', async () => {
    const form = await vendorWeb.get(`/app/rendez-vous/${eventId}/inscription`);
    expect(visibleText(form.text)).toContain('Prévision des ventes pour commerces de proximité');
    const none = await vendorWeb.post(`/app/rendez-vous/${eventId}/inscription`, { availableSlots: ['0', '1', '2'] });
    expect(none.status).toBe(400);
    expect(visibleText(none.text)).toContain('Choisissez au moins une offre.');
    const done = await vendorWeb.post(`/app/rendez-vous/${eventId}/inscription`, {
      offeringIds: [s.specialistId],
      availableSlots: ['0', '1', '2'],
    });
    expect(done.status).toBe(303);

    const buyerPage = await buyerWeb.get(`/app/rendez-vous/${eventId}/souhaits`);
    expect(buyerPage.status).toBe(200);
    expect(visibleText(buyerPage.text)).toContain('Prévi Ventes');
    expect(visibleText(buyerPage.text)).toContain('Pourquoi cette proposition');
    const [vendorAttendee] = wishValues(buyerPage.text);
    const wished = await buyerWeb.post(`/app/rendez-vous/${eventId}/souhaits`, { attendeeIds: [vendorAttendee] });
    expect(wished.status).toBe(303);
    expect((await buyerWeb.get(`/app/rendez-vous/${eventId}/souhaits`)).text).toMatch(/value="[^"]+" checked/);

    // The vendor sees the need without the buyer's name, and wishes for it.
    const vendorPage = await vendorWeb.get(`/app/rendez-vous/${eventId}/souhaits`);
    expect(visibleText(vendorPage.text)).toContain('Prévoir les ventes du fournil');
    expect(visibleText(vendorPage.text)).not.toContain('Fournil du Cours');
    const refused = await vendorWeb.post(`/app/rendez-vous/${eventId}/souhaits`, { attendeeIds: [vendorAttendee] });
    expect(refused.status).toBe(400);
    expect(await vendorWeb.post(`/app/rendez-vous/${eventId}/souhaits`, { attendeeIds: wishValues(vendorPage.text) })).toMatchObject({
      status: 303,
    });
    const proposals = await request(t.server).get(`/events/${eventId}/proposals`).set(bearer(s.vendor)).expect(200);
    expect(proposals.body.items.map((p: { wished: boolean }) => p.wished)).toEqual([true]);
  });

  it('lets the curator check a meeting in on the day', async () => {
    await request(t.server).post(`/events/${eventId}/close`).set(bearer(curator)).send({}).expect(200);
    await request(t.server).post(`/events/${eventId}/schedule`).set(bearer(curator)).expect(200);
    const curatorWeb = await webSignIn(t, curator);
    const page = await curatorWeb.get(`/app/rendez-vous/${eventId}/pointage`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('Fournil du Cours et Prévi Ventes');
    const meetingId = /pointage\/([0-9a-f-]{36})"/.exec(page.text)![1];
    const bad = await curatorWeb.post(`/app/rendez-vous/${eventId}/pointage/${meetingId}`, { outcome: 'peut-être' });
    expect(bad.status).toBe(400);
    const marked = await curatorWeb.post(`/app/rendez-vous/${eventId}/pointage/${meetingId}`, { outcome: 'held' });
    expect(marked).toMatchObject({ status: 303, location: `/app/rendez-vous/${eventId}/pointage?message=meeting-checked-in` });
    expect(visibleText((await curatorWeb.get(`/app/rendez-vous/${eventId}/pointage`)).text)).toContain('tenu');
    const figures = await request(t.server).get(`/events/${eventId}/figures`).set(bearer(curator)).expect(200);
    expect(figures.body).toMatchObject({ held: 1, introductions: 1 });
    // Without the form's CSRF token, nothing is marked.
    expect(
      (await curatorWeb.post(`/app/rendez-vous/${eventId}/pointage/${meetingId}`, { outcome: 'no_show' }, { csrf: false })).status,
    ).toBe(403);
  });
});
