import type { DataSource } from 'typeorm';
import { FACETS, type Facet } from '../offering-document.js';
import type { CatalogueQuery } from '../search-index.port.js';
import { PLACE_FACETS, servedCounts } from '../served-facets.js';

/**
 * Facet counts of the PostgreSQL catalogue search: the whole catalogue's from the table the
 * triggers keep, a search's in one grouping-sets pass over its matched rows (with the ranked page
 * when it has text), turned into the port's facets (the place facets counting national offerings).
 */

interface FacetCount {
  facet: Facet | 'total' | 'national';
  value: string;
  n: number;
}

/** One row of the grouping sets: which set it belongs to, and that set's key. */
interface GroupedCounts {
  place: boolean;
  use_case: boolean;
  grade_set: boolean;
  area_key: string | null;
  use_cases_key: string | null;
  grade: string | null;
  data_residency: string | null;
  n: number;
}

// Matched offerings are counted per combination of facet values (migration SearchFacetCombos),
// then the combinations per facet value: the grouping sets read a few thousand rows at most, and
// the place and use-case sets group on one short text per combination (migration SearchNarrowRows).
const groupedColumns = (count: string): string => `GROUPING(c.area_key) = 0 AS place, GROUPING(c.use_cases_key) = 0 AS use_case,
  GROUPING(c.grade) = 0 AS grade_set, c.area_key, c.use_cases_key, c.grade, c.data_residency, sum(${count})::int AS n`;
const GROUPED_COLUMNS = groupedColumns('m.n');
const GROUPED_FROM = 'm JOIN search_facet_combo c ON c.k = m.combo';
const GROUPING_SETS = 'GROUPING SETS ((c.area_key), (c.use_cases_key), (c.grade), (c.data_residency))';

/** The codes of a comma-separated key ('' is none). */
const codes = (list: string | undefined): string[] => (list ? list.split(',') : []);

/** What identifies a search's matched set and order: its WHERE clause, rank and parameters. */
export function whereKey(where: { sql: string; params: unknown[]; rank: string | null }): string {
  return JSON.stringify([where.sql, where.rank, where.params]);
}

/** The grouping-sets rows as (facet, value, n): the place facets over the offerings that are not national. */
function expandGroups(grouped: readonly GroupedCounts[]): FacetCount[] {
  const counts = new Map<string, FacetCount>();
  const add = (facet: FacetCount['facet'], value: string | null, n: number): void => {
    if (value === null) return;
    const key = `${facet}\u0000${value}`;
    const row = counts.get(key);
    if (row) row.n += n;
    else counts.set(key, { facet, value, n });
  };
  for (const g of grouped) {
    if (g.place) {
      const area = g.area_key ?? '';
      add('total', '', g.n);
      if (area === 'N') add('national', '', g.n);
      // Place facets count the offerings that are not national (servedCounts adds the national ones).
      else {
        const [regions, departements] = area.split('|');
        for (const v of codes(regions)) add('regions', v, g.n);
        for (const v of codes(departements)) add('departements', v, g.n);
      }
    } else if (g.use_case) {
      for (const v of codes(g.use_cases_key ?? undefined)) add('useCases', v, g.n);
    } else if (g.grade_set) add('grade', g.grade, g.n);
    else add('dataResidency', g.data_residency, g.n);
  }
  return [...counts.values()];
}

export function toFacets(rows: FacetCount[]): { total: number; facets: Record<Facet, Record<string, number>> } {
  const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as Record<Facet, Record<string, number>>;
  let total = 0;
  let national = 0;
  for (const r of rows) {
    if (r.n <= 0) continue;
    if (r.facet === 'total') total = r.n;
    else if (r.facet === 'national') national = r.n;
    else facets[r.facet][r.value] = r.n;
  }
  for (const facet of PLACE_FACETS) facets[facet] = servedCounts(facet, facets[facet], national);
  return { total, facets };
}

/** The whole catalogue's counts, kept by the triggers of migration SearchFacetCounts. */
export async function catalogueCounts(dataSource: DataSource): Promise<FacetCount[]> {
  return (await dataSource.query('SELECT facet, value, n FROM search_facet_count WHERE n > 0')) as FacetCount[];
}

/**
 * Facet counts of the matched offerings in one pass: grouping sets over one key per facet (the
 * place key being an offering's whole service area), so each distinct key is split once, not each
 * offering's arrays unnested (a catalogue has few distinct service areas: 6 in the 50k bench set,
 * against 9 départements per offering).
 */
export async function matchedCounts(dataSource: DataSource, where: string, params: unknown[]): Promise<FacetCount[]> {
  const grouped = (await dataSource.query(
    `WITH m AS (SELECT s.combo, count(*) AS n FROM search_offering s ${where} GROUP BY s.combo)
     SELECT ${GROUPED_COLUMNS} FROM ${GROUPED_FROM} GROUP BY ${GROUPING_SETS}`,
    params,
  )) as GroupedCounts[];
  return expandGroups(grouped);
}

/**
 * Facet counts of the offerings whose combination meets `condition` (on `c`), from the numbers of
 * offerings the triggers keep per combination: no offering is read.
 */
export async function comboCounts(dataSource: DataSource, condition: string, params: unknown[]): Promise<FacetCount[]> {
  const grouped = (await dataSource.query(
    `SELECT ${groupedColumns('c.n')} FROM search_facet_combo c
      WHERE c.n > 0 AND ${condition} GROUP BY ${GROUPING_SETS}`,
    params,
  )) as GroupedCounts[];
  return expandGroups(grouped);
}

/**
 * The counts and the ranked page of a text search in one read of the matched rows (materialized
 * with their combination and rank), the page ordered exactly as `page()` orders it.
 */
export async function matchedCountsAndPage(
  dataSource: DataSource,
  where: string,
  params: unknown[],
  rank: string,
  query: CatalogueQuery,
): Promise<{ rows: FacetCount[]; ids: string[] }> {
  params.push(query.pageSize, (query.page - 1) * query.pageSize);
  const grouped = (await dataSource.query(
    `WITH s AS MATERIALIZED (SELECT s.id, s.combo, s.published_at, ${rank} AS rank FROM search_offering s ${where}),
          m AS (SELECT s.combo, count(*) AS n FROM s GROUP BY s.combo)
       SELECT ${GROUPED_COLUMNS},
              (SELECT array_agg(t.id::text ORDER BY t.rank DESC, t.published_at DESC, t.id)
                 FROM (SELECT s.id, s.rank, s.published_at FROM s ORDER BY s.rank DESC, s.published_at DESC, s.id
                        LIMIT $${params.length - 1} OFFSET $${params.length}) t) AS page_ids
         FROM ${GROUPED_FROM} GROUP BY ${GROUPING_SETS}`,
    params,
  )) as (GroupedCounts & { page_ids: string[] | null })[];
  return { rows: expandGroups(grouped), ids: grouped[0]?.page_ids ?? [] };
}
