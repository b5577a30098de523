import { SearchWord1765000000000 } from '../migrations/1765000000000-search-word.js';
import type { OfferingDocument } from '../src/search/offering-document.js';
import { type PostgresSearchIndex } from '../src/search/postgres/postgres-search.index.js';
import { offeringDocument } from './support/offering-document.js';
import { usePostgresIndex } from './support/postgres-index.js';
import { revertAndReapply, type TestApp } from './support/test-app.js';

/**
 * The PostgreSQL backend's lexicon (decision 004): the words typo corrections are drawn from, kept
 * in step with the indexed documents, and the typo budget corrections respect.
 */
const doc = (n: number, fields: Partial<OfferingDocument>): OfferingDocument =>
  offeringDocument(n, { vendorName: 'Azur', national: true, ...fields });

const forecast = doc(1, {
  title: 'Prévision des ventes',
  summary: 'Anticipez la demande.',
  description: 'Séries temporelles, Reconnaissance des tendances.',
  useCaseLabels: ['Prévision et planification'],
  sectorLabels: ['Commerce de détail'],
});
const chatbot = doc(2, {
  title: 'Chatbot municipal',
  summary: 'Un agent conversationnel.',
  description: 'Pour les mairies et leurs factures.',
});
const invoices = doc(3, {
  title: 'Lecture de facture',
  summary: 'Saisie automatique.',
  description: 'Pour les mairies, même derrière une vitre, sur site.',
});

describe('PostgreSQL search lexicon', () => {
  let t: TestApp;
  let index: PostgresSearchIndex;
  /** corrections() as arrays, a negated word's readings after a "-". */
  const corrections = async (q: string): Promise<string[][] | null> =>
    (await index.corrections(q))?.map((w) => (w.negated ? ['-', ...w.readings] : w.readings)) ?? null;
  const words = async (): Promise<string[]> =>
    ((await t.dataSource.query('SELECT word FROM search_word ORDER BY word')) as { word: string }[]).map((r) => r.word);

  usePostgresIndex((app, search) => {
    t = app;
    index = search;
  });
  beforeEach(async () => {
    await index.clear();
    await index.upsert([forecast, chatbot, invoices]);
  });

  it('holds every word of the indexed texts, unaccented and in lower case, from three characters, stop words left out', async () => {
    const all = await words();
    // Title, summary, description, use-case and sector labels, vendor name.
    expect(all).toEqual(
      expect.arrayContaining([
        'prevision',
        'ventes',
        'anticipez',
        'temporelles',
        'planification',
        'commerce',
        'detail',
        'azur',
        'chatbot',
        'conversationnel',
        'mairies',
        'factures',
        'facture',
      ]),
    );
    expect(all).toEqual(expect.arrayContaining(['site', 'vitre', 'derriere']));
    expect(all).not.toContain('des');
    expect(all).not.toContain('un');
    expect(all).not.toContain('sur');
    // Stop words are dropped by the search, so they have nothing to correct to.
    expect(all).not.toContain('pour');
    expect(all.every((w) => w === w.toLowerCase() && !/[éèàç]/.test(w))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it('reads each unknown word as the lexicon words within its typo budget, keeping the others as typed', async () => {
    expect(await corrections('prevsiion des ventes')).toEqual([['prevsiion', 'prevision'], ['des'], ['ventes']]);
    // One typo from four letters (TYPO_BUDGET, the Meilisearch index's): an insertion, a deletion,
    // a substitution, a swap.
    expect(await corrections('chatbott')).toEqual([['chatbott', 'chatbot']]);
    expect(await corrections('chatbt')).toEqual([['chatbt', 'chatbot']]);
    expect(await corrections('chatbit')).toEqual([['chatbit', 'chatbot']]);
    expect(await corrections('chtabot')).toEqual([['chtabot', 'chatbot']]);
    expect(await corrections('azir')).toEqual([['azir', 'azur']]);
    expect(await corrections('sute')).toEqual([['sute', 'site']]);
    // Two from eight letters (here two deletions); a swap anywhere but the first letter.
    expect(await corrections('recnaissance')).toEqual([['recnaissance', 'reconnaissance']]);
    expect(await corrections('rceonnaissance')).toEqual([['rceonnaissance', 'reconnaissance']]);
    // A typo on the first letter counts as two: allowed alone, from eight letters.
    expect(await corrections('xeconnaissance')).toEqual([['xeconnaissance', 'reconnaissance']]);
    expect(await corrections('econnaissance')).toEqual([['econnaissance', 'reconnaissance']]);
    expect(await corrections('erconnaissance')).toEqual([['erconnaissance', 'reconnaissance']]);
    // A negated word is kept as typed, and stays negated.
    expect(await corrections('chatbott -prevsiion')).toEqual([
      ['chatbott', 'chatbot'],
      ['-', 'prevsiion'],
    ]);
    expect(await corrections('chatbott -prevision')).toEqual([
      ['chatbott', 'chatbot'],
      ['-', 'prevision'],
    ]);
    // A stop word is kept as typed: read as a neighbour ("votre" as "vitre") it would become required.
    expect(await corrections('votre prevsiion')).toEqual([['votre'], ['prevsiion', 'prevision']]);
    // Closest first.
    expect(await corrections('facturez')).toEqual([['facturez', 'facture', 'factures']]);
  });

  it('corrects nothing beyond the budget: under four letters, two typos under eight, the first letter under eight', async () => {
    expect(await corrections('aur')).toBeNull();
    expect(await corrections('chtbt')).toBeNull();
    expect(await corrections('chatbxx')).toBeNull();
    expect(await corrections('hcatbot')).toBeNull();
    expect(await corrections('xhatbot')).toBeNull();
    expect(await corrections('xeconaissance')).toBeNull();
    // Known words only: nothing to correct.
    expect(await corrections('prévision des ventes')).toBeNull();
  });

  it('leaves out of the lexicon what is no word, and answers a query of any shape', async () => {
    const long = 'a'.repeat(3000);
    await index.upsert([doc(4, { title: 'Inventaire', description: `Code ${long} fin.` })]);
    expect(await words()).toContain('inventaire');
    expect((await words()).every((w) => w.length <= 64)).toBe(true);
    for (const q of [`${'i'.repeat(400)}x`, `inventair ${'b'.repeat(300)}`, '-', '- -', '!!! ???', '"', '-"chat bot"', 'é']) {
      const result = await index.search({ q, page: 1, pageSize: 20 });
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
  });

  it('takes no words from an older version the index skips', async () => {
    await index.upsert([{ ...chatbot, version: 3, description: 'Nouvelle version.' }]);
    await index.upsert([{ ...chatbot, version: 2, description: 'Ancienne formulation obsolète.' }]);
    const all = await words();
    expect(all).toContain('nouvelle');
    expect(all).not.toContain('ancienne');
    expect(all).not.toContain('obsolete');
  });

  it('finds a phrase through its corrected words, ranked like words', async () => {
    const result = await index.search({ q: 'prevsiion des vnetes', page: 1, pageSize: 20 });
    expect(result.items.map((i) => i.document.id)).toEqual([forecast.id]);
    expect(result.total).toBe(1);
  });

  it('keeps a negated word negated, in the corrected search and in the partial match after it', async () => {
    // Nothing has both words without "municipal": the partial match finds "mairies" alone, never the chatbot.
    expect((await index.search({ q: 'mairies chatbott -municipal', page: 1, pageSize: 20 })).items.map((i) => i.document.id)).toEqual([
      invoices.id,
    ]);
    expect((await index.search({ q: 'mairies facturez -chatbot', page: 1, pageSize: 20 })).items.map((i) => i.document.id)).toEqual([
      invoices.id,
    ]);
  });

  it('never corrects a word of the synonym table into another word (issue 22)', async () => {
    // "transcription" is a real word, not a typo of some indexed word; a nonsense word still is.
    await index.upsert([doc(4, { title: 'Transmission des dossiers' })]);
    expect(await corrections('transcription')).toBeNull();
    expect(await corrections('transmision')).toEqual([['transmision', 'transmission']]);
    // Nor through the trigram match: a translation offering is not a transcription one.
    await index.upsert([doc(5, { title: 'Traduction de vos documents' })]);
    expect((await index.search({ q: 'transcription', page: 1, pageSize: 20 })).total).toBe(0);
  });

  it("drops a removed document's words unless another document is still found by them", async () => {
    await index.remove([chatbot.id]);
    const all = await words();
    expect(all).not.toContain('chatbot');
    expect(all).not.toContain('conversationnel');
    // "mairies" is still in the invoices offering; "factures" still finds it through its stem.
    expect(all).toEqual(expect.arrayContaining(['mairies', 'factures', 'facture', 'prevision']));
    expect(await corrections('chatbott')).toBeNull();
  });

  it('drops the words an edit took out, unless another document is still found by them', async () => {
    await index.upsert([{ ...chatbot, version: 2, title: 'Assistant municipal', summary: 'Un agent.', description: 'Pour les mairies.' }]);
    const all = await words();
    expect(all).toEqual(expect.arrayContaining(['assistant', 'municipal', 'agent', 'mairies', 'factures']));
    expect(all).not.toContain('chatbot');
    expect(all).not.toContain('conversationnel');
  });

  it('takes concurrent upserts and removes of documents sharing words without failing, and ends with every indexed word', async () => {
    const shared = (n: number) =>
      doc(10 + n, { title: `Analyse prédictive ${n}`, description: 'Tableaux de bord, prévision, mairies, factures.' });
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          n % 3 === 2 ? index.remove([shared(n - 1).id]) : index.upsert([{ ...shared(n), version: round + 1 }]),
        ),
      );
    }
    // Every word of what is indexed now is in the lexicon once the last writes are in.
    await index.upsert((await t.dataSource.query('SELECT doc FROM search_document')).map((r: { doc: OfferingDocument }) => r.doc));
    const missing = (await t.dataSource.query(
      'SELECT DISTINCT w FROM search_document s, search_document_words(s.doc) AS w EXCEPT SELECT word FROM search_word',
    )) as unknown[];
    expect(missing).toEqual([]);
  });

  it('is emptied with the index', async () => {
    await index.clear();
    expect(await words()).toEqual([]);
  });

  it('is rebuilt from the indexed documents when its migration runs, and reverts cleanly', async () => {
    const before = await words();
    // The later migrations too: the lexicon is rebuilt from the documents where they were then.
    await revertAndReapply(
      t,
      new SearchWord1765000000000(),
      async () => {
        expect((await t.dataSource.query("SELECT count(*)::int AS n FROM pg_class WHERE relname = 'search_word'"))[0].n).toBe(0);
      },
      { withLater: true },
    );
    expect(await words()).toEqual(before);
  });
});
