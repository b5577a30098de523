import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FACETS, type Facet, type OfferingDocument } from '../offering-document.js';
import { normaliseQuery, type CatalogueQuery, type CatalogueResult, type SearchHealth, type SearchIndex } from '../search-index.port.js';

const FACET_COLUMNS: Record<Facet, { column: string; array: boolean }> = {
  useCases: { column: 'use_cases', array: true },
  regions: { column: 'regions', array: true },
  grade: { column: 'grade', array: false },
  dataResidency: { column: 'data_residency', array: false },
};

/** Key words of a need count for the text criterion up to this many: longer texts are not penalised. */
const RELEVANCE_WORDS = 8;

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
    const params: unknown[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const text = normaliseQuery(query.q);
    let rank = 'NULL::float';
    if (text) {
      const raw = p(text.toLowerCase());
      // websearch_to_tsquery never throws on user syntax; unaccent on both sides.
      const tsq = `websearch_to_tsquery('french', unaccent(${raw}))`;
      const norm = `lower(unaccent(${raw}))`;
      where.push(`(s.tsv @@ ${tsq} OR ${norm} <% s.search_text)`);
      rank = `ts_rank(s.tsv, ${tsq}) * 4 + word_similarity(${norm}, s.search_text) + similarity(${norm}, s.title_norm)`;
    }
    if (query.useCases?.length) where.push(`s.use_cases && ${p(query.useCases)}::text[]`);
    if (query.sectors?.length) where.push(`s.sectors && ${p(query.sectors)}::text[]`);
    if (query.region) where.push(`(s.national OR ${p(query.region)} = ANY(s.regions))`);
    if (query.departement) where.push(`(s.national OR ${p(query.departement)} = ANY(s.departements))`);
    if (query.grades?.length) where.push(`s.grade = ANY(${p(query.grades)}::text[])`);
    if (query.requirements?.length) where.push(`s.requirements @> ${p(query.requirements)}::text[]`);
    if (query.vendorId) where.push(`s.vendor_id = ${p(query.vendorId)}::uuid`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';

    const order = text ? 'rank DESC, s.published_at DESC, s.id' : 's.published_at DESC, s.id';
    const limit = p(query.pageSize);
    const offset = p((query.page - 1) * query.pageSize);
    const facetSql = FACETS.map((facet) => {
      const { column, array } = FACET_COLUMNS[facet];
      const value = array ? `unnest(m.${column})` : `m.${column}`;
      return `SELECT '${facet}' AS facet, v AS value, count(*)::int AS n FROM (SELECT ${value} AS v FROM matched m) x WHERE v IS NOT NULL GROUP BY v`;
    }).join(' UNION ALL ');

    const rows = (await this.dataSource.query(
      `WITH matched AS (SELECT s.*, ${rank} AS rank FROM search_offering s ${filter}),
            page AS (SELECT s.doc, s.rank FROM matched s ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})
       SELECT 'hit' AS kind, doc, NULL AS facet, NULL AS value, NULL::int AS n, rank FROM page
       UNION ALL SELECT 'facet', NULL, facet, value, n, NULL FROM (${facetSql}) f
       UNION ALL SELECT 'total', NULL, NULL, NULL, (SELECT count(*)::int FROM matched), NULL`,
      params,
    )) as { kind: string; doc: OfferingDocument | null; facet: Facet | null; value: string | null; n: number | null; rank: number | null }[];

    const hits = rows.filter((r) => r.kind === 'hit');
    // UNION ALL does not promise to keep the CTE's order: sort the page again, the same way.
    hits.sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0) || compareStable(a.doc as OfferingDocument, b.doc as OfferingDocument));
    const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as Record<Facet, Record<string, number>>;
    for (const r of rows) if (r.kind === 'facet' && r.facet && r.value !== null) facets[r.facet][r.value] = r.n ?? 0;
    return {
      items: hits.map((h) => ({ document: h.doc as OfferingDocument })),
      total: rows.find((r) => r.kind === 'total')?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
      facets,
    };
  }

  async relevance(text: string, ids: string[]): Promise<Map<string, number>> {
    const scores = new Map<string, number>(ids.map((id) => [id, 0]));
    const normalised = normaliseQuery(text);
    if (!normalised || ids.length === 0) return scores;
    // Share of the text's key words (French stems, stop words dropped) found in the offering.
    const rows = (await this.dataSource.query(
      `WITH need AS (SELECT tsvector_to_array(to_tsvector('french', unaccent($1))) AS lx)
       SELECT s.id, cardinality(need.lx) AS n,
              (SELECT count(*) FROM unnest(need.lx) w WHERE w = ANY(tsvector_to_array(s.tsv)))::int AS matched
         FROM search_offering s, need WHERE s.id = ANY($2::uuid[])`,
      [normalised, ids],
    )) as { id: string; n: number; matched: number }[];
    for (const r of rows) {
      const denominator = Math.max(1, Math.min(r.n, RELEVANCE_WORDS));
      scores.set(r.id, Math.min(100, Math.round((100 * r.matched) / denominator)));
    }
    return scores;
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

/** The order of an empty query: newest first, then by id, so pages never shuffle. */
export function compareStable(a: OfferingDocument, b: OfferingDocument): number {
  const byDate = Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
  return byDate !== 0 ? byDate : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
