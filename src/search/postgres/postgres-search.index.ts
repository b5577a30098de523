import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FACETS, type Facet, type OfferingDocument } from '../offering-document.js';
import { TYPO_BUDGET } from '../typo-budget.js';
import { normaliseQuery, type CatalogueQuery, type CatalogueResult, type SearchHealth, type SearchIndex } from '../search-index.port.js';

const FACET_COLUMNS: Record<Facet, { column: string; array: boolean }> = {
  useCases: { column: 'use_cases', array: true },
  regions: { column: 'regions', array: true },
  grade: { column: 'grade', array: false },
  dataResidency: { column: 'data_residency', array: false },
};

type TextMode = 'none' | 'words' | 'corrected' | 'typos';

/** A query word as the corrected search reads it: any of its readings, or none of them when negated ("-vocal"). */
export interface WordReadings {
  readings: string[];
  negated: boolean;
}

/** Key words of a need count for the text criterion up to this many: longer texts are not penalised. */
const RELEVANCE_WORDS = 8;
/** Longest lexicon word (migration SearchWord): a longer query word is kept as typed. */
const MAX_WORD = 64;
/** Lexicon words a misspelt query word may be read as, at most (closest first). */
const MAX_CORRECTIONS = 8;
/** Documents matching any word that topIds ranks, at most. */
const TOP_IDS_SCAN = 2000;

/**
 * Catalogue search on PostgreSQL: a French `tsvector` over unaccented text (title weighted A,
 * summary, use cases and vendor B, description and sectors C) for stemming; typos corrected word
 * by word from a lexicon of the indexed words (`search_word`, Levenshtein distance); `pg_trgm`
 * word similarity over the short fields as the last resort. All indexed (migrations SearchOffering
 * and SearchWord).
 */
@Injectable()
export class PostgresSearchIndex implements SearchIndex {
  readonly backend = 'postgres' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async prepare(): Promise<void> {
    // The table and indexes come from migrations: nothing to apply at start.
  }

  async upsert(documents: OfferingDocument[]): Promise<void> {
    if (documents.length === 0) return;
    // The lexicon (typo corrections, decision 004) follows in the same statement: the words of the
    // versions written (an older version is skipped) join it, and the words the indexed versions
    // had and the written ones lack come back, to be pruned. Every part of one statement reads the
    // same snapshot, so `before` sees the rows as they were.
    const dropped = (await this.dataSource.query(
      `WITH before AS (
         SELECT w FROM search_offering s, search_document_words(s.doc) AS w
          WHERE s.id IN (SELECT (e->>'id')::uuid FROM jsonb_array_elements($1::jsonb) AS e)),
       written AS (
       INSERT INTO search_offering AS s
         (id, version, doc, vendor_id, use_cases, sectors, regions, departements, national, grade,
          data_residency, requirements, published_at, title_norm, search_text, tsv)
       SELECT d.id, d.version, d.doc, d.vendor_id, d.use_cases, d.sectors, d.regions, d.departements, d.national,
              d.grade, d.data_residency, d.requirements, d.published_at,
              lower(unaccent(d.title)),
              lower(unaccent(concat_ws(' ', d.title, d.summary, d.use_case_labels, d.vendor_name))),
              setweight(to_tsvector('french', unaccent(d.title)), 'A') ||
              setweight(to_tsvector('french', unaccent(concat_ws(' ', d.summary, d.use_case_labels, d.vendor_name))), 'B') ||
              setweight(to_tsvector('french', unaccent(concat_ws(' ', d.description, d.sector_labels))), 'C')
         FROM (SELECT (e->>'id')::uuid AS id, (e->>'version')::int AS version, e AS doc,
                      (e->>'vendorId')::uuid AS vendor_id,
                      ARRAY(SELECT jsonb_array_elements_text(e->'useCases')) AS use_cases,
                      ARRAY(SELECT jsonb_array_elements_text(e->'sectors')) AS sectors,
                      ARRAY(SELECT jsonb_array_elements_text(e->'regions')) AS regions,
                      ARRAY(SELECT jsonb_array_elements_text(e->'departements')) AS departements,
                      (e->>'national')::boolean AS national, e->>'grade' AS grade,
                      e->>'dataResidency' AS data_residency,
                      ARRAY(SELECT jsonb_array_elements_text(e->'requirementsMet')) AS requirements,
                      (e->>'publishedAt')::timestamptz AS published_at,
                      e->>'title' AS title, e->>'summary' AS summary, e->>'description' AS description,
                      e->>'vendorName' AS vendor_name,
                      array_to_string(ARRAY(SELECT jsonb_array_elements_text(e->'useCaseLabels')), ' ') AS use_case_labels,
                      array_to_string(ARRAY(SELECT jsonb_array_elements_text(e->'sectorLabels')), ' ') AS sector_labels
                 FROM jsonb_array_elements($1::jsonb) AS e) AS d
       ON CONFLICT (id) DO UPDATE SET
         version = EXCLUDED.version, doc = EXCLUDED.doc, vendor_id = EXCLUDED.vendor_id,
         use_cases = EXCLUDED.use_cases, sectors = EXCLUDED.sectors, regions = EXCLUDED.regions,
         departements = EXCLUDED.departements, national = EXCLUDED.national, grade = EXCLUDED.grade,
         data_residency = EXCLUDED.data_residency, requirements = EXCLUDED.requirements,
         published_at = EXCLUDED.published_at, title_norm = EXCLUDED.title_norm,
         search_text = EXCLUDED.search_text, tsv = EXCLUDED.tsv, indexed_at = now()
       WHERE s.version <= EXCLUDED.version
       RETURNING s.doc),
       after AS (SELECT DISTINCT w FROM written, search_document_words(written.doc) AS w),
       added AS (INSERT INTO search_word (word) SELECT w FROM after ORDER BY 1 ON CONFLICT DO NOTHING)
       SELECT w FROM before EXCEPT SELECT w FROM after`,
      [JSON.stringify(documents)],
    )) as { w: string }[];
    await this.pruneLexicon(dropped.map((r) => r.w));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const gone = (await this.dataSource.query(
      `WITH gone AS (DELETE FROM search_offering WHERE id = ANY($1::uuid[]) RETURNING doc)
       SELECT DISTINCT w FROM gone, search_document_words(gone.doc) AS w`,
      [ids],
    )) as { w: string }[];
    await this.pruneLexicon(gone.map((r) => r.w));
  }

  /**
   * Drops from the lexicon those of `words` that no indexed document is found by, as words are
   * searched (stems: "factures" stays while a document says "facture"). A prune racing an upsert
   * that brings the word back may drop it until that document is indexed again: fewer
   * corrections, never a wrong hit. Rows are locked in word order and locked ones skipped, so two
   * prunes never deadlock.
   */
  private async pruneLexicon(words: string[]): Promise<void> {
    if (words.length === 0) return;
    await this.dataSource.query(
      `DELETE FROM search_word WHERE word IN (
         SELECT l.word FROM search_word l
          WHERE l.word = ANY($1::text[])
            AND NOT EXISTS (SELECT 1 FROM search_offering s WHERE s.tsv @@ plainto_tsquery('french', l.word))
          ORDER BY l.word FOR UPDATE SKIP LOCKED)`,
      [words],
    );
  }

  async clear(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query('DELETE FROM search_offering');
      await m.query('DELETE FROM search_word');
    });
  }

  async search(query: CatalogueQuery): Promise<CatalogueResult> {
    const text = normaliseQuery(query.q);
    // Exact words first (French stems, GIN on the tsvector). When they find nothing, each word
    // corrected from the lexicon ("factrues", "prévsiion des ventes"), on the same index; last, the
    // trigram match over the phrase, which costs more per row and would drown exact hits.
    let mode: TextMode = text ? 'words' : 'none';
    // What the text is searched as, when not as typed: words (AND) of readings (OR).
    let readings: WordReadings[] = [];
    let counted = await this.facetsAndTotal(query, text, mode, readings);
    // Each unknown word read as the lexicon's words within its typo budget: index lookups, where
    // the trigram match reads whole texts (p95 ≈ 0.5 s for a typo phrase at 10k offerings).
    if (counted.total === 0 && mode !== 'none') {
      const groups = await this.corrections(text);
      if (groups) {
        mode = 'corrected';
        readings = groups;
        counted = await this.facetsAndTotal(query, text, mode, readings);
      }
    }
    if (counted.total === 0 && mode !== 'none') {
      mode = 'typos';
      counted = await this.facetsAndTotal(query, text, mode, readings);
    }
    const items = counted.total === 0 ? [] : await this.page(query, text, mode, readings);
    return { items: items.map((document) => ({ document })), total: counted.total, page: query.page, pageSize: query.pageSize, facets: counted.facets };
  }

  /** WHERE clause, parameters and text ranking (null without text) of a query. */
  private where(query: CatalogueQuery, text: string, mode: TextMode, readings: readonly WordReadings[]): { sql: string; params: unknown[]; rank: string | null } {
    const params: unknown[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    // Documents found by any of `words` as the search reads them; built once per query, not once
    // per row, as a scalar subquery (unaccent is only STABLE).
    const anyOf = (words: readonly string[]): string => `(SELECT ${words.map((w) => `websearch_to_tsquery('french', unaccent(${p(w)}))`).join(' || ')})`;
    const where: string[] = [];
    let rank: string | null = null;
    if (mode === 'words' || mode === 'corrected') {
      // Words: the query as typed. Corrected: every word (AND), each as any of its readings (OR),
      // OR-ed tsqueries on the same GIN index.
      const words = mode === 'words' ? [{ readings: [text.toLowerCase()], negated: false }] : readings;
      const tsquery = words.map((w) => `${w.negated ? '!!' : ''}${anyOf(w.readings)}`).join(' && ');
      where.push(`s.tsv @@ (${tsquery})`);
      // Title matches first: ts_rank weighs the title (A) highest.
      rank = `ts_rank(s.tsv, (${tsquery}))`;
    } else if (mode === 'typos') {
      // Negated words ("-vocal") are not part of the trigram phrase: they exclude, as with words.
      const tokens = text.toLowerCase().split(' ');
      const negated = tokens.filter((t) => t.length > 1 && t.startsWith('-')).map((t) => t.slice(1));
      const raw = p(tokens.filter((t) => !t.startsWith('-')).join(' '));
      where.push(`lower(unaccent(${raw})) <% s.search_text`);
      if (negated.length > 0) where.push(`NOT s.tsv @@ ${anyOf(negated)}`);
      // Typos rank by trigram closeness.
      rank = `word_similarity(lower(unaccent(${raw})), s.search_text) + similarity(lower(unaccent(${raw})), s.title_norm)`;
    }
    if (query.useCases?.length) where.push(`s.use_cases && ${p(query.useCases)}::text[]`);
    if (query.sectors?.length) where.push(`s.sectors && ${p(query.sectors)}::text[]`);
    if (query.region) where.push(`(s.national OR ${p(query.region)} = ANY(s.regions))`);
    if (query.departement) where.push(`(s.national OR ${p(query.departement)} = ANY(s.departements))`);
    if (query.grades?.length) where.push(`s.grade = ANY(${p(query.grades)}::text[])`);
    if (query.dataResidencies?.length) where.push(`s.data_residency = ANY(${p(query.dataResidencies)}::text[])`);
    if (query.requirements?.length) where.push(`s.requirements @> ${p(query.requirements)}::text[]`);
    if (query.vendorId) where.push(`s.vendor_id = ${p(query.vendorId)}::uuid`);
    return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params, rank };
  }

  private async facetsAndTotal(query: CatalogueQuery, text: string, mode: TextMode, readings: readonly WordReadings[]): Promise<{ total: number; facets: Record<Facet, Record<string, number>> }> {
    const { sql, params } = this.where(query, text, mode, readings);
    const facetSql = FACETS.map((facet) => {
      const { column, array } = FACET_COLUMNS[facet];
      const value = array ? `unnest(m.${column})` : `m.${column}`;
      return `SELECT '${facet}' AS facet, v AS value, count(*)::int AS n FROM (SELECT ${value} AS v FROM matched m) x WHERE v IS NOT NULL GROUP BY v`;
    }).join(' UNION ALL ');
    // Only the small facet columns are read here: the documents come with the page query.
    const rows = (await this.dataSource.query(
      `WITH matched AS (SELECT s.use_cases, s.regions, s.grade, s.data_residency FROM search_offering s ${sql})
       ${facetSql} UNION ALL SELECT 'total', NULL, count(*)::int FROM matched`,
      params,
    )) as { facet: Facet | 'total'; value: string | null; n: number }[];
    const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as Record<Facet, Record<string, number>>;
    let total = 0;
    for (const r of rows) {
      if (r.facet === 'total') total = r.n;
      else if (r.value !== null) facets[r.facet][r.value] = r.n;
    }
    return { total, facets };
  }

  /**
   * The query's words, each with the lexicon's words it may be a typo of, or null when no word has
   * any (the search then has nothing new to try). The typo budget is the Meilisearch index's
   * (TYPO_BUDGET): none under four letters, one from four, two from eight, counted as Levenshtein
   * distance, two adjacent letters swapped counting as one, a typo on the first letter as two. At
   * most MAX_CORRECTIONS per word, closest first. Kept as typed, with no correction: a word the
   * lexicon has, a stop word, a word too short or too long, and a negated one.
   */
  async corrections(text: string): Promise<WordReadings[] | null> {
    // Words as websearch_to_tsquery reads them: a leading "-" negates a whole token, which is then
    // kept as typed (excluding a guess would exclude too much).
    const rows = (await this.dataSource.query(
      `WITH t AS (SELECT tok, n FROM regexp_split_to_table(lower(unaccent($1)), '\\s+') WITH ORDINALITY AS x(tok, n)),
       q AS (
         SELECT w AS word, bool_and(t.tok LIKE '-%') AS negated, min(t.n) AS n,
                CASE WHEN length(w) >= ${TYPO_BUDGET.twoTypos} THEN 2 WHEN length(w) >= ${TYPO_BUDGET.oneTypo} THEN 1 ELSE 0 END AS k
           FROM t, regexp_split_to_table(t.tok, '[^[:alnum:]]+') AS w
          WHERE w <> '' GROUP BY w),
       asked AS (
         SELECT q.*, NOT q.negated AND q.k > 0 AND length(q.word) <= ${MAX_WORD}
                     AND to_tsvector('french', q.word) <> ''::tsvector
                     AND NOT EXISTS (SELECT 1 FROM search_word l WHERE l.word = q.word) AS correct
           FROM q)
       SELECT a.word, a.negated,
              CASE WHEN NOT a.correct THEN '{}'::text[] ELSE ARRAY(
                SELECT c.word FROM (
                  -- Same first letter, within the budget: one index range, then the distance.
                  SELECT l.word, levenshtein_less_equal(l.word, a.word, 2) AS cost FROM search_word l
                   WHERE left(l.word, 1) = left(a.word, 1)
                     AND length(l.word) BETWEEN length(a.word) - a.k AND length(a.word) + a.k
                     AND (levenshtein_less_equal(l.word, a.word, a.k) <= a.k
                          OR l.word IN (SELECT overlay(a.word PLACING substr(a.word, i + 1, 1) || substr(a.word, i, 1) FROM i FOR 2)
                                          FROM generate_series(2, length(a.word) - 1) AS i))
                  UNION ALL
                  -- A typo on the first letter costs the whole of a two-typo budget: the exact
                  -- readings with that one typo, found by primary key.
                  SELECT l.word, 2 FROM search_word l
                   WHERE a.k = 2 AND left(l.word, 1) <> left(a.word, 1)
                     AND l.word IN (SELECT ch || substr(a.word, 2) FROM string_to_table('abcdefghijklmnopqrstuvwxyz0123456789', NULL) AS ch
                                    UNION ALL SELECT ch || a.word FROM string_to_table('abcdefghijklmnopqrstuvwxyz0123456789', NULL) AS ch
                                    UNION ALL SELECT substr(a.word, 2)
                                    UNION ALL SELECT substr(a.word, 2, 1) || left(a.word, 1) || substr(a.word, 3))
                ) c ORDER BY c.cost, c.word LIMIT ${MAX_CORRECTIONS})
              END AS corrections
         FROM asked a ORDER BY a.n, a.word`,
      [text],
    )) as { word: string; negated: boolean; corrections: string[] }[];
    if (!rows.some((r) => r.corrections.length > 0)) return null;
    return rows.map((r) => ({ readings: [r.word, ...r.corrections], negated: r.negated }));
  }

  private async page(query: CatalogueQuery, text: string, mode: TextMode, readings: readonly WordReadings[]): Promise<OfferingDocument[]> {
    const { sql, params, rank } = this.where(query, text, mode, readings);
    const order = rank ? `${rank} DESC, s.published_at DESC, s.id` : 's.published_at DESC, s.id';
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows = (await this.dataSource.query(
      `SELECT s.doc FROM search_offering s ${sql} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as { doc: OfferingDocument }[];
    return rows.map((r) => r.doc);
  }

  async relevance(text: string, ids: string[]): Promise<Map<string, number>> {
    const scores = new Map<string, number>(ids.map((id) => [id, 0]));
    const normalised = normaliseQuery(text);
    if (!normalised || ids.length === 0) return scores;
    // Share of the text's key words (French stems, stop words dropped) found in the offering: the
    // lexemes both tsvectors share, |A ∩ B| = |A| + |B| − |A ∪ B|, where `||` merges two sorted
    // tsvectors in one pass (the need's stripped of positions). One call per offering instead of a
    // test per word (2× cheaper than that, 10× than building each offering's lexeme array; the same
    // counts, checked on every document of the test catalogue). The ids are joined, one primary-key
    // probe each: with `id = ANY(...)` the planner may walk another index instead (3× slower at 50k).
    const rows = (await this.dataSource.query(
      `WITH q AS MATERIALIZED (SELECT strip(to_tsvector('french', unaccent($1))) AS v)
       SELECT s.id, length(q.v) AS n, length(s.tsv) + length(q.v) - length(s.tsv || q.v) AS matched
         FROM unnest($2::uuid[]) AS asked(id) JOIN search_offering s ON s.id = asked.id, q`,
      [normalised, ids],
    )) as { id: string; n: number; matched: number }[];
    for (const r of rows) {
      const denominator = Math.max(1, Math.min(r.n, RELEVANCE_WORDS));
      scores.set(r.id, Math.min(100, Math.round((100 * r.matched) / denominator)));
    }
    return scores;
  }

  async topIds(text: string, limit: number): Promise<string[]> {
    const normalised = normaliseQuery(text);
    if (!normalised || limit <= 0) return [];
    // Any of the text's key words (OR of its French stems, matched as they are), ranked by ts_rank
    // among the first TOP_IDS_SCAN matches: bounded cost on a large catalogue, at the price of an
    // approximate top when a very common word matches more documents than that.
    const rows = (await this.dataSource.query(
      `WITH q AS (
         SELECT to_tsquery('simple', string_agg(quote_literal(l), ' | ')) AS q
           FROM unnest(tsvector_to_array(to_tsvector('french', unaccent($1)))) AS l),
       m AS (SELECT s.id, s.tsv FROM search_offering s, q WHERE q.q IS NOT NULL AND s.tsv @@ q.q LIMIT ${TOP_IDS_SCAN})
       SELECT m.id FROM m, q ORDER BY ts_rank(m.tsv, q.q) DESC, m.id LIMIT $2`,
      [normalised, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async listIds(): Promise<string[]> {
    const rows = (await this.dataSource.query('SELECT id FROM search_offering ORDER BY id')) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async health(): Promise<SearchHealth> {
    try {
      await this.dataSource.query('SELECT 1 FROM search_offering LIMIT 1');
      return { backend: this.backend, ok: true };
    } catch (error) {
      return { backend: this.backend, ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }
}

