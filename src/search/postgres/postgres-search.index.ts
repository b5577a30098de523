import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FACETS, type Facet, type OfferingDocument } from '../offering-document.js';
import { swappedLetterVariants } from './swapped-letters.js';
import { normaliseQuery, type CatalogueQuery, type CatalogueResult, type SearchHealth, type SearchIndex } from '../search-index.port.js';

const FACET_COLUMNS: Record<Facet, { column: string; array: boolean }> = {
  useCases: { column: 'use_cases', array: true },
  regions: { column: 'regions', array: true },
  grade: { column: 'grade', array: false },
  dataResidency: { column: 'data_residency', array: false },
};

type TextMode = 'none' | 'words' | 'typos' | 'swaps';

/** Key words of a need count for the text criterion up to this many: longer texts are not penalised. */
const RELEVANCE_WORDS = 8;
/** Documents matching any word that topIds ranks, at most. */
const TOP_IDS_SCAN = 2000;

/**
 * Catalogue search on PostgreSQL: a French `tsvector` over unaccented text (title weighted A,
 * summary, use cases and vendor B, description and sectors C) for stemming, and `pg_trgm` word
 * similarity over the short fields for typos. Both are GIN-indexed (migration SearchOffering).
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
    await this.dataSource.query(
      `INSERT INTO search_offering AS s
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
       WHERE s.version <= EXCLUDED.version`,
      [JSON.stringify(documents)],
    );
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query('DELETE FROM search_offering WHERE id = ANY($1::uuid[])', [ids]);
  }

  async clear(): Promise<void> {
    await this.dataSource.query('DELETE FROM search_offering');
  }

  async search(query: CatalogueQuery): Promise<CatalogueResult> {
    const text = normaliseQuery(query.q);
    // Exact words first (French stems, GIN on the tsvector). When they find nothing: for a single
    // word, its readings with two adjacent letters swapped ("factrues"), on the same index; then
    // the typo-tolerant trigram match, which costs more per row and would drown exact hits.
    let mode: TextMode = text ? 'words' : 'none';
    let readings: string[] = [];
    let counted = await this.facetsAndTotal(query, text, mode, readings);
    // One word only: a phrase's readings cost a GIN lookup per word each (≈ 25 ms for two words
    // at 10k offerings), and the trigram match already forgives a swap within a phrase.
    if (counted.total === 0 && mode === 'words' && (text.match(/\p{L}+/gu) ?? []).length === 1) {
      // Only the readings some document has words for: usually one, often none.
      readings = await this.readingsFound(swappedLetterVariants(text.toLowerCase()));
      if (readings.length > 0) {
        mode = 'swaps';
        counted = await this.facetsAndTotal(query, text, mode, readings);
      }
    }
    if (counted.total === 0 && (mode === 'words' || mode === 'swaps')) {
      mode = 'typos';
      counted = await this.facetsAndTotal(query, text, mode, readings);
    }
    const items = counted.total === 0 ? [] : await this.page(query, text, mode, readings);
    return { items: items.map((document) => ({ document })), total: counted.total, page: query.page, pageSize: query.pageSize, facets: counted.facets };
  }

  /** WHERE clause, parameters and text ranking (null without text) of a query. */
  private where(query: CatalogueQuery, text: string, mode: TextMode, swapReadings: readonly string[]): { sql: string; params: unknown[]; rank: string | null } {
    const params: unknown[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    let rank: string | null = null;
    if (mode === 'words' || mode === 'swaps') {
      // Swaps: the words search for any of the one-swap readings of the query, OR-ed tsqueries on
      // the same GIN index: a misspelt reading stems to a lexeme no document has.
      const readings = mode === 'words' ? [text.toLowerCase()] : swapReadings;
      const tsquery = readings.map((r) => `websearch_to_tsquery('french', unaccent(${p(r)}))`).join(' || ');
      where.push(`s.tsv @@ (${tsquery})`);
      // Title matches first: ts_rank weighs the title (A) highest.
      rank = `ts_rank(s.tsv, ${tsquery})`;
    } else if (mode === 'typos') {
      const raw = p(text.toLowerCase());
      where.push(`lower(unaccent(${raw})) <% s.search_text`);
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

  private async facetsAndTotal(query: CatalogueQuery, text: string, mode: TextMode, readings: readonly string[]): Promise<{ total: number; facets: Record<Facet, Record<string, number>> }> {
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
   * The readings that some indexed document has the words for. One GIN lookup for all of them (an
   * OR of their tsqueries, each a parameter the planner folds into a constant), then each reading
   * is tested on those documents only: misspelt readings stem to lexemes nothing has.
   */
  private async readingsFound(readings: string[]): Promise<string[]> {
    if (readings.length === 0) return [];
    const any = readings.map((_, i) => `websearch_to_tsquery('french', unaccent($${i + 1}))`).join(' || ');
    const rows = (await this.dataSource.query(
      `WITH hits AS MATERIALIZED (SELECT s.tsv FROM search_offering s WHERE s.tsv @@ (${any}))
       SELECT x.r FROM unnest($${readings.length + 1}::text[]) WITH ORDINALITY AS x(r, n)
        WHERE EXISTS (SELECT 1 FROM hits h WHERE h.tsv @@ websearch_to_tsquery('french', unaccent(x.r)))
        ORDER BY x.n`,
      [...readings, readings],
    )) as { r: string }[];
    return rows.map((row) => row.r);
  }

  private async page(query: CatalogueQuery, text: string, mode: TextMode, readings: readonly string[]): Promise<OfferingDocument[]> {
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

