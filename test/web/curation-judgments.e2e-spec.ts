import request from 'supertest';
import { bearer, createCurator, TEST_PASSWORD, type TestSession } from '../support/auth.js';
import { forecastScenario } from '../support/forecast-scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, webSignIn, type WebClient } from '../support/web.js';

/*
 * Issue 26 in the console: the curators' match page lists the "autres pistes" the relevance floor
 * keeps out of the matches, and lets a curator mark each match and each piste « pertinent » or
 * « pas pertinent » with a reason, by plain form or in place with htmx.
 */
describe('Web console: curators’ marks and "autres pistes" on a need’s matches', () => {
  let t: TestApp;
  let curator: TestSession;
  let web: WebClient;
  let needId: string;
  let specialistId: string;
  let offTopicId: string;
  const page = () => web.get(`/app/curation/besoins/${needId}`);
  const avis = (offeringId: string) => `/app/curation/besoins/${needId}/offres/${offeringId}/avis`;
  const marks = async () =>
    (await request(t.server).get('/relevance-judgments').query({ needId }).set(bearer(curator)).expect(200)).body.items as {
      offeringId: string;
      verdict: string;
      reason: string;
      comment: string | null;
      rank: number | null;
    }[];
  const htmxPost = (path: string, fields: Record<string, string>) =>
    web.agent.post(path).set({ 'hx-request': 'true', 'x-csrf-token': web.csrf }).type('form').send(new URLSearchParams(fields).toString());

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    ({ specialistId, offTopicId, needId } = await forecastScenario(t, curator));
    web = await webSignIn(t, { email: curator.email, password: TEST_PASSWORD });
  });
  afterAll(() => t?.close());

  it('lists the off-topic offering under "Autres pistes", with its vendor and its reason in French, apart from the matches', async () => {
    const res = await page();
    expect(res.status).toBe(200);
    const text = visibleText(res.text);
    const section = text.slice(text.indexOf('Autres pistes (hors des correspondances)'), text.indexOf('Offres exclues'));
    expect(section).toContain('Filtre anti-hameçonnage des courriels');
    expect(section).toContain('par Anti Hameçon (Paris)');
    expect(section).toContain('Texte trop éloigné du besoin');
    // The floor is matching's to tune (test/relevance): only the wording is the console's concern here.
    expect(section).toMatch(/Aucun cas d'usage en commun avec le besoin et pertinence du texte insuffisante \(\d+\/100, seuil \d+\)\./);
    expect(section).not.toContain('Prévision des ventes pour commerces de proximité');
    const matches = res.text.slice(res.text.indexOf('<ol class="matches">'), res.text.indexOf('id="autres-pistes"'));
    expect(matches).toContain(`/app/offres/${specialistId}`);
    expect(matches).not.toContain(`/app/offres/${offTopicId}`);
    // A mark form beside each match and each piste.
    expect(res.text).toContain(`action="${avis(specialistId)}"`);
    expect(res.text).toContain(`action="${avis(offTopicId)}"`);
    expect(res.text).toContain(`hx-post="${avis(offTopicId)}"`);
  });

  it('marks a ranked match « pertinent » by plain form: back to the page, the mark shown with its rank', async () => {
    const res = await web.post(avis(specialistId), { verdict: 'relevant', reason: 'exact_fit', comment: '' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/app/curation/besoins/${needId}?message=judgment-saved#avis-${specialistId}-bloc`);
    expect(await marks()).toEqual([
      expect.objectContaining({ offeringId: specialistId, verdict: 'relevant', reason: 'exact_fit', rank: 1 }),
    ]);
    const text = visibleText((await web.get(res.location!)).text);
    expect(text).toContain('Votre avis est enregistré.');
    expect(text).toContain('Votre avis : Pertinent Répond exactement au besoin');
    expect(text).toContain('au rang 1');
    expect(text).toContain('Modifier mon avis sur « Prévision des ventes pour commerces de proximité »');
  });

  it('marks an "autre piste" in place with htmx, and the fragment shows the mark', async () => {
    const res = await htmxPost(avis(offTopicId), {
      verdict: 'relevant',
      reason: 'partial_fit',
      comment: 'Utile contre les fraudes au paiement.',
    });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<html');
    expect(res.text).toMatch(new RegExp(`^<div class="judgment" id="avis-${offTopicId}-bloc">`));
    const text = visibleText(res.text);
    expect(text).toContain('Votre avis est enregistré.');
    expect(text).toContain('Votre avis : Pertinent Bonne piste, avec un écart — « Utile contre les fraudes au paiement. »');
    expect(text).toContain('Retirer mon avis');
    const mark = (await marks()).find((m) => m.offeringId === offTopicId);
    expect(mark).toMatchObject({ verdict: 'relevant', reason: 'partial_fit', rank: null });
  });

  it('re-marks, replacing the curator’s previous mark', async () => {
    await htmxPost(avis(offTopicId), { verdict: 'not_relevant', reason: 'off_topic' }).expect(200);
    const mine = (await marks()).filter((m) => m.offeringId === offTopicId);
    expect(mine).toEqual([expect.objectContaining({ verdict: 'not_relevant', reason: 'off_topic', comment: null })]);
  });

  it('shows French errors beside the offering when the reason is missing, and saves nothing', async () => {
    const before = await marks();
    const plain = await web.post(avis(specialistId), { verdict: 'not_relevant' });
    expect(plain.status).toBe(400);
    const text = visibleText(plain.text);
    expect(text).toContain("Votre avis n'a pas pu être enregistré.");
    expect(text).toContain('Raison de votre avis : Choisissez une raison.');
    expect(plain.text).toContain(`href="#f-avis-${specialistId}-reason"`);
    expect(plain.text).toMatch(new RegExp(`id="f-avis-${specialistId}-reason" name="reason" aria-invalid="true"`));
    expect(plain.text).toMatch(/value="not_relevant"\s+checked/);

    const htmx = await htmxPost(avis(specialistId), { verdict: 'relevant', reason: 'other' });
    expect(htmx.status).toBe(200);
    expect(visibleText(htmx.text)).toContain('Précisez la raison en quelques mots.');
    expect(htmx.text).toContain('<details open>');
    expect(await marks()).toEqual(before);
  });

  it('refuses a mark without the CSRF token', async () => {
    const before = await marks();
    const res = await web.post(avis(specialistId), { verdict: 'not_relevant', reason: 'too_generic' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await marks()).toEqual(before);
  });

  it('removes the mark, by plain form or with htmx', async () => {
    const plain = await web.post(`${avis(specialistId)}/retirer`);
    expect(plain.status).toBe(303);
    expect(plain.location).toBe(`/app/curation/besoins/${needId}?message=judgment-removed#avis-${specialistId}-bloc`);
    const htmx = await htmxPost(`${avis(offTopicId)}/retirer`, {});
    expect(htmx.status).toBe(200);
    expect(visibleText(htmx.text)).toContain('Votre avis est retiré.');
    expect(visibleText(htmx.text)).toContain('Donner mon avis');
    expect(await marks()).toEqual([]);
  });
});
