import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import request from 'supertest';
import { DEFAULT_WEIGHTS } from '../../src/matches/scoring/weights.js';
import { TEXT_FLOOR } from '../../src/matches/scoring/criteria.js';
import { BLOCK_LABELS, BLOCK_MAX, SCORE_POINTS, type ScoredProfile } from '../../src/sovereignty/sovereignty-score.js';
import { gradeHints } from '../../src/sovereignty/grade-hints.js';
import { bearer, createAdmin, createCurator } from '../support/auth.js';
import { createPublishedOffering, registerVerifiedVendor, sovereigntyProfile } from '../support/offerings.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, WebClient } from '../support/web.js';

/*
 * Issue 22, "Grades people read": public pages speak French, never the API's codes.
 * A raw code is an upper-case token of two characters or more (letters, digits, underscores),
 * unless it is one of these words or acronyms that readers know.
 */
const ALLOWED = new Set([
  'IA', // intelligence artificielle
  'AI', // "AI Act", the regulation's name
  'UE',
  'EEE',
  'RGPD',
  'PME',
  'TPE',
  'ETI',
  'SIREN',
  'SIRET',
  'NAF',
  'HDS',
  'ISO',
  'IEC',
  'OSI',
  'MIT',
  'API',
  'RAG',
  'OCR', // use-case labels
  'CRM',
  'RH',
  'CLOUD', // "CLOUD Act"
  'US', // "Data Privacy Framework UE–US", a transfers label the method page lists
  'FISA',
  'LNE',
  'ANSSI',
]);

/** The upper-case tokens of a page's visible text that are not allowed words: codes that leaked. */
function rawCodes(text: string): string[] {
  const tokens = text.match(/(?<![\p{L}\p{N}_])\p{Lu}[\p{Lu}\p{N}_]+(?![\p{L}\p{N}_])/gu) ?? [];
  return [...new Set(tokens.filter((token) => !ALLOWED.has(token)))];
}

const LEGEND = ['A – très souverain', 'B – plutôt souverain', 'C – partiellement souverain', 'D – peu souverain', 'E – très peu souverain'];

describe('Public pages: grades and sovereignty values people read (issue 22)', () => {
  let t: TestApp;
  let offeringId: string;
  let vendorId: string;
  let modestId: string;
  let modestProfile: Record<string, unknown>;

  beforeAll(async () => {
    t = await createTestApp();
    const curator = await createCurator(t);
    const vendor = await registerVerifiedVendor(t, curator, { organisation: { name: 'Lisible Conseil' } });
    vendorId = vendor.organisation.id;
    // A full profile with every kind of value the page may print: enums, booleans, lists.
    const sovereignty = sovereigntyProfile({
      certifications: { secNumCloud: 'OFFERING', hds: true, iso27001: true, iso42001: true, labels: ['EXPERTCYBER', 'POSITIVE_AI'] },
      ai: {
        modelLicence: 'OSI_OPEN_SOURCE',
        inferenceHosting: 'CUSTOMER_HOSTED',
        trainingOnCustomerData: 'NEVER',
        aiActRiskClass: 'MINIMAL',
        aiActRole: 'PROVIDER',
      },
    });
    offeringId = (await createPublishedOffering(t, vendor, { title: 'Greffier lisible', sovereignty })).id;
    // A profile with room to grow in four blocks: the page says what would raise each one.
    modestProfile = sovereigntyProfile({
      vendor: { extraterritorialExposure: 'YES' },
      hosting: { dataResidency: 'EU_EEA', providerJurisdiction: 'US', nonEuRemoteAccess: true },
      certifications: { secNumCloud: 'NONE', iso27001: false },
      ai: { modelOrigin: 'US', modelLicence: 'PROPRIETARY', inferenceHosting: 'THIRD_PARTY_API_NON_EU' },
    });
    modestId = (await createPublishedOffering(t, vendor, { title: 'Greffier perfectible', sovereignty: modestProfile, evidence: [] })).id;
    await t.app.get(OutboxWorker).drain();
  });
  afterAll(() => t.close());

  const pages = () => [
    ['catalogue', '/app/catalogue'],
    ['offering', `/app/offres/${offeringId}`],
    ['vendor', `/app/fournisseurs/${vendorId}`],
    ['home', '/app'],
  ];

  it('shows no raw code on the catalogue, offering, vendor and home pages', async () => {
    for (const [name, path] of pages()) {
      const res = await new WebClient(t).get(path);
      expect(res.status).toBe(200);
      expect({ page: name, codes: rawCodes(visibleText(res.text)) }).toEqual({ page: name, codes: [] });
    }
  });

  it('prints sovereignty values through their French labels on the offering page', async () => {
    const text = visibleText((await new WebClient(t).get(`/app/offres/${offeringId}`)).text);
    expect(text).toContain('Offre qualifiée SecNumCloud');
    expect(text).toContain('Aucun contrôle extra-européen');
    expect(text).toContain('Jamais d’entraînement sur les données du client');
    expect(text).toContain('Licence libre (OSI : Apache-2.0, MIT…)');
  });

  it('explains the grades with a legend on the catalogue and offering pages', async () => {
    for (const path of ['/app/catalogue', `/app/offres/${offeringId}`]) {
      const text = visibleText((await new WebClient(t).get(path)).text);
      for (const line of LEGEND) expect(text).toContain(line);
      expect(text).toContain('A – très souverain : 80 à 100 points sur 100');
      expect(text).toContain('E – très peu souverain : moins de 20 points sur 100');
    }
  });

  it('says in words whether the grade is declared or verified, and what each badge means', async () => {
    for (const [, path] of pages()) {
      const html = (await new WebClient(t).get(path)).text;
      const text = visibleText(html);
      expect(text).toContain('déclaré, non vérifié');
      expect(text).not.toMatch(/déclaratif/);
      // Every grade badge carries its meaning, for the mouse (title) and in the text read aloud.
      // (The legend's letters are hidden from screen readers: the line next to them says it all.)
      const badges = (html.match(/<span class="grade grade-[A-E]"[^>]*>/g) ?? []).filter((b) => !b.includes('aria-hidden'));
      expect(badges.length).toBeGreaterThan(0);
      for (const badge of badges) expect(badge).toMatch(/title="[A-E] – [^"]+ : [^"]+ sur 100"/);
      expect(text).toMatch(/Note de souveraineté A – très souverain/);
    }
  });

  it('filters the catalogue by grade in letters, not in numbers', async () => {
    const html = (await new WebClient(t).get('/app/catalogue')).text;
    const select = /<select[^>]*name="grade"[\s\S]*?<\/select>/.exec(html)?.[0] ?? '';
    expect(visibleText(select)).toMatch(/A – très souverain \(1\).*B – plutôt souverain \(0\).*E – très peu souverain \(0\)/);
    expect(select).not.toMatch(/80 et plus|60 à 79/);
  });
  // Method pages: public, plain French, rendered from the constants the code computes with.
  it('explains the grade and the ranking on public method pages, from the live constants, with no raw code', async () => {
    for (const path of ['/app/methode/souverainete', '/app/methode/classement']) {
      const res = await new WebClient(t).get(path);
      expect(res.status).toBe(200);
      expect({ path, codes: rawCodes(visibleText(res.text)) }).toEqual({ path, codes: [] });
      expect(res.text).toMatch(/<meta name="description" content="[^"]+"/);
    }
    const sovereignty = visibleText((await new WebClient(t).get('/app/methode/souverainete')).text);
    for (const key of Object.keys(BLOCK_MAX) as (keyof typeof BLOCK_MAX)[])
      expect(sovereignty).toContain(`${BLOCK_LABELS[key]} (jusqu'à ${BLOCK_MAX[key]} points)`);
    expect(sovereignty).toMatch(new RegExp(`Données stockées et traitées en France ${SCORE_POINTS.dataLocation.FR} points`));
    expect(sovereignty).toContain('Une déclaration rejetée compte pour sa valeur la plus défavorable');
    const admin = await createAdmin(t);
    await request(t.server)
      .put('/matching/weights')
      .set(bearer(admin))
      .send({ ...DEFAULT_WEIGHTS, text: 40 })
      .expect(200);
    const ranking = visibleText((await new WebClient(t).get('/app/methode/classement')).text);
    expect(ranking).toMatch(/Pertinence du texte 40 /);
    expect(ranking).toContain(`au moins ${TEXT_FLOOR} sur 100`);
    await request(t.server).put('/matching/weights').set(bearer(admin)).send(DEFAULT_WEIGHTS).expect(200);
  });

  it('says, one plain-French line per block below its maximum, what would raise the grade, as the score computes it', async () => {
    const expected = gradeHints(modestProfile as unknown as ScoredProfile);
    expect(expected.map((h) => h.block)).toEqual(['A', 'B', 'C', 'D']);
    const html = (await new WebClient(t).get(`/app/offres/${modestId}`)).text;
    const list = /<ul aria-labelledby="relever"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    expect(visibleText(list)).toBe(expected.map((h) => h.text).join(' '));
    expect(visibleText(list)).toContain('Qualifications : la qualification SecNumCloud de l’offre ajouterait 20 points.');
    expect(rawCodes(visibleText(html))).toEqual([]);
    // The API gives the same line and gain per block, and nothing for a block at its maximum.
    const api = await request(t.server).get(`/offerings/${modestId}`).expect(200);
    const blocks = (api.body as { sovereigntyScore: { blocks: { block: string; raiseBy: number | null; raiseHint: string | null }[] } })
      .sovereigntyScore.blocks;
    expect(blocks.map((b) => [b.block, b.raiseBy, b.raiseHint])).toEqual(
      ['A', 'B', 'C', 'D', 'E'].map((block) => {
        const hint = expected.find((h) => h.block === block);
        return [block, hint?.gain ?? null, hint?.text ?? null];
      }),
    );
  });

  it('leads from the offering page to a need of its kind, the vendor, and the method pages', async () => {
    const html = (await new WebClient(t).get(`/app/offres/${offeringId}`)).text;
    expect(html).toMatch(/href="\/app\/acheteur\/besoins\/nouveau\?useCase=[A-Z_]+">Déposer un besoin de ce type</);
    expect(html).toContain(`href="/app/fournisseurs/${vendorId}">Les autres offres de Lisible Conseil<`);
    expect(html).toContain('href="/app/methode/souverainete"');
    expect(html).toContain('href="/app/methode/classement"');
  });
});
