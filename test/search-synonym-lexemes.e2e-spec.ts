import { syntheticDocuments } from '../bench/support/offering-documents.js';
import { catalogueWhere } from '../src/search/postgres/catalogue-sql.js';
import { type PostgresSearchIndex } from '../src/search/postgres/postgres-search.index.js';
import { groupLexeme, SYNONYM_FINGERPRINT, withoutGroupLexemes } from '../src/search/postgres/synonym-lexemes.js';
import type { CatalogueQuery, CatalogueResult } from '../src/search/search-index.port.js';
import { SYNONYM_GROUPS } from '../src/search/synonyms.js';
import { usePostgresIndex } from './support/postgres-index.js';
import type { TestApp } from './support/test-app.js';

/**
 * Decision 040: every offering carries the lexeme of each synonym group whose expressions its text
 * has, and a search finds a group's offerings by that one lexeme instead of all its expressions,
 * only while the stored lexemes were built from the app's own table. The results must be exactly
 * those of the expressions themselves.
 */
describe('PostgreSQL search: synonym groups stored as lexemes (decision 040)', () => {
  let t: TestApp;
  let index: PostgresSearchIndex;
  const docs = syntheticDocuments(400, 29);
  const queries: string[] = [
    'chatbot',
    'chat bot',
    'assistant virtuel mairie',
    'chatbot pharmacie',
    'prévision des ventes',
    'factures courrier',
    'reconnaissance vocale',
    'chatbot -accueil',
    'transcription réunions',
    'agent conversationnel tickets',
  ];
  const filters: Partial<CatalogueQuery>[] = [{}, { region: '93' }, { grades: ['A', 'B'], requirements: ['GDPR_DPA'] }];
  const everything = async (): Promise<Record<string, Pick<CatalogueResult, 'total' | 'facets'> & { ids: string[] }>> => {
    const out: Record<string, Pick<CatalogueResult, 'total' | 'facets'> & { ids: string[] }> = {};
    for (const q of queries) {
      for (const [i, f] of filters.entries()) {
        const r = await index.search({ page: 1, pageSize: 100, q, ...f });
        out[`${q} #${i}`] = { total: r.total, facets: r.facets, ids: r.items.map((item) => item.document.id) };
      }
    }
    return out;
  };
  const stored = async (): Promise<string | null> =>
    ((await t.dataSource.query('SELECT synonyms FROM search_generation')) as { synonyms: string | null }[])[0].synonyms;

  usePostgresIndex((app, search) => {
    t = app;
    index = search;
  });

  it('finds and ranks exactly what the expressions find, before the lexemes are built and after', async () => {
    await index.clear();
    await index.upsert(docs);
    // As after the migration: no lexeme in the rows, no table recorded.
    await t.dataSource.query(`UPDATE search_offering s SET tsv = ${withoutGroupLexemes('s.tsv')}`);
    await t.dataSource.query('UPDATE search_generation SET synonyms = NULL');
    const before = await everything();
    expect(before['chatbot #0'].total).toBeGreaterThan(20);
    expect(before['chatbot pharmacie #0'].total).toBeGreaterThan(20);

    await index.prepare();
    expect(await stored()).toBe(SYNONYM_FINGERPRINT);
    // Every group's lexeme is where its expressions match, and nowhere else.
    for (const group of SYNONYM_GROUPS) {
      const [counts] = (await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE tsv @@ $1::tsquery)::int AS lexeme,
                count(*) FILTER (WHERE tsv @@ (SELECT ${group.terms.map((_, i) => `websearch_to_tsquery('french', unaccent($${i + 2}))`).join(' || ')}))::int AS expressions
           FROM search_offering`,
        [groupLexeme(group), ...group.terms],
      )) as { lexeme: number; expressions: number }[];
      expect(counts.lexeme).toBe(counts.expressions);
    }
    expect(await everything()).toEqual(before);

    // Offerings written afterwards carry them too, and a second start changes nothing.
    await index.upsert(docs.slice(0, 50).map((d) => ({ ...d, version: d.version + 1, title: `${d.title} chatbot` })));
    const generation = (await t.dataSource.query('SELECT n FROM search_generation')) as { n: string }[];
    await index.prepare();
    expect(await t.dataSource.query('SELECT n FROM search_generation')).toEqual(generation);
    const withLexemes = await everything();
    await t.dataSource.query('UPDATE search_generation SET synonyms = $1', ['another table']);
    expect(await everything()).toEqual(withLexemes);
  });

  it('ranks a group by its distinct words exactly as by its expressions, for every group (decision 041)', async () => {
    // One document holding every expression of the group, in the title: the rank counts each
    // distinct word once, so a word missing from either query would change its value.
    for (const group of SYNONYM_GROUPS) {
      const rankOf = (lexeme?: string): { rank: string; params: unknown[] } => {
        const where = catalogueWhere({ page: 1, pageSize: 1 }, group.terms[0], 'corrected', [
          { readings: [...group.terms], negated: false, ...(lexeme ? { lexeme } : {}) },
        ]);
        return { rank: where.rank!, params: where.params };
      };
      const value = async ({ rank, params }: { rank: string; params: unknown[] }): Promise<number> => {
        const rows = (await t.dataSource.query(
          `SELECT ${rank} AS r, $1::text AS found_by
             FROM (SELECT setweight(to_tsvector('french', unaccent($${params.length + 1})), 'A') AS tsv) s`,
          [...params, group.terms.join(' ')],
        )) as { r: number }[];
        return rows[0].r;
      };
      const byExpressions = await value(rankOf());
      expect(byExpressions).toBeGreaterThan(0);
      expect(await value(rankOf(groupLexeme(group)))).toBe(byExpressions);
    }
  });

  it('rebuilds lexemes built from another synonym table at start', async () => {
    await index.clear();
    await index.upsert(docs.slice(0, 100));
    const chatbot = groupLexeme(SYNONYM_GROUPS[0]);
    // Lexemes of a table that had other groups: one gone from this one, and this table's missing.
    await t.dataSource.query(`UPDATE search_offering s SET tsv = ${withoutGroupLexemes('s.tsv')} || 'syn_0000000000000000'::tsvector`);
    await t.dataSource.query('UPDATE search_generation SET synonyms = $1', ['another table']);
    await index.prepare();
    const [row] = (await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE tsv @@ 'syn_0000000000000000'::tsquery)::int AS gone,
              count(*) FILTER (WHERE tsv @@ $1::tsquery)::int AS chatbot
         FROM search_offering`,
      [chatbot],
    )) as { gone: number; chatbot: number }[];
    expect(row.gone).toBe(0);
    expect(row.chatbot).toBeGreaterThan(0);
  });

  it('cannot be reached by typing a lexeme', async () => {
    await index.clear();
    await index.upsert(docs.slice(0, 100));
    await index.prepare();
    const lexeme = groupLexeme(SYNONYM_GROUPS[0]);
    expect((await index.search({ page: 1, pageSize: 5, q: lexeme })).total).toBe(0);
  });
});
