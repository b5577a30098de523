import type { DataSource } from 'typeorm';
import { FACETS, type Facet } from '../offering-document.js';
import { PLACE_FACETS, servedCounts } from '../served-facets.js';

/**
 * Facet counts of the PostgreSQL catalogue search: the whole catalogue's from the table the
 * triggers keep; a search's as its matched offerings per combination of facet values (migration
 * SearchFacetCombos), the combinations then read as facet values here, from their keys (decision
 * 041); turned into the port's facets, the place facets counting national offerings.
 */

export interface FacetCount {
  facet: Facet | 'total' | 'national';
  value: string;
  n: number;
}

/** Offerings per combination: its number (`k`) and how many (`n`), as two arrays. */
interface ComboTally {
  k: number[] | null;
  n: number[] | null;
}

/** What a combination stands for: its keys (migration SearchNarrowRows). */
interface ComboKeys {
  area_key: string;
  use_cases_key: string;
  grade: string;
  data_residency: string;
}

/** The codes of a comma-separated key ('' is none). */
const codes = (list: string): string[] => (list ? list.split(',') : []);

/** What identifies a search's matched set and order: its WHERE clause, rank and parameters. */
export function whereKey(where: { sql: string; params: unknown[]; rank: string | null }): string {
  return JSON.stringify([where.sql, where.rank, where.params]);
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

/** Combinations kept in memory before the dictionary starts again (6,140 for the bench's 50,000 offerings). */
const MAX_COMBOS = 100_000;

/**
 * The facet counts of a search, from the offerings it matched per combination. A combination's
 * number always stands for the same values (a combination is never updated, and its number,
 * from a sequence, is never given again once pruned), so each instance keeps the keys of those
 * it met and reads only the others: the counting statement groups matched offerings by one
 * integer and joins nothing (2–3 ms less at 50,000 offerings, decision 041).
 */
export class ComboCounts {
  private readonly keys = new Map<number, ComboKeys>();
  private storage = '';

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The combinations' table file, read with every search: another one (the table recreated by
   * reverting and running its migration, or truncated) may have given the same numbers to other
   * combinations, so the keys met so far are forgotten.
   */
  storedIn(storage: string): void {
    if (storage === this.storage) return;
    this.keys.clear();
    this.storage = storage;
  }

  /** Counts of the offerings that `where` matches (over `params`). */
  async matched(where: string, params: unknown[]): Promise<FacetCount[]> {
    const [tally] = (await this.dataSource.query(
      `SELECT array_agg(m.combo) AS k, array_agg(m.n) AS n
         FROM (SELECT s.combo, count(*)::int AS n FROM search_offering s ${where} GROUP BY s.combo) m`,
      params,
    )) as ComboTally[];
    return this.expand(tally);
  }

  /**
   * Counts of the offerings whose combination meets `condition` (on `c`), from the numbers of
   * offerings the triggers keep per combination: no offering is read.
   */
  async ofCombos(condition: string, params: unknown[]): Promise<FacetCount[]> {
    const [tally] = (await this.dataSource.query(
      `SELECT array_agg(c.k) AS k, array_agg(c.n) AS n FROM search_facet_combo c WHERE c.n > 0 AND ${condition}`,
      params,
    )) as ComboTally[];
    return this.expand(tally);
  }

  /**
   * Per facet value: the offerings of the combinations having it. Each distinct key is split
   * once (a catalogue has few distinct service areas: 6 in the 50k bench set); the place facets
   * count the offerings that are not national, `national` the others (servedCounts adds them).
   */
  private async expand({ k, n }: ComboTally): Promise<FacetCount[]> {
    if (!k || !n) return [];
    const known = await this.resolve(k);
    const byKey = {
      area: new Map<string, number>(),
      useCases: new Map<string, number>(),
      grade: new Map<string, number>(),
      residency: new Map<string, number>(),
    };
    const add = (map: Map<string, number>, key: string, count: number): void => {
      map.set(key, (map.get(key) ?? 0) + count);
    };
    let total = 0;
    k.forEach((combo, i) => {
      total += n[i];
      // A combination pruned between the count and this read: its offerings are gone since.
      const keys = known.get(combo);
      if (!keys) return;
      add(byKey.area, keys.area_key, n[i]);
      add(byKey.useCases, keys.use_cases_key, n[i]);
      add(byKey.grade, keys.grade, n[i]);
      add(byKey.residency, keys.data_residency, n[i]);
    });
    const counts = new Map<string, FacetCount>();
    const count = (facet: FacetCount['facet'], value: string, by: number): void => {
      const key = `${facet}\u0000${value}`;
      const row = counts.get(key);
      if (row) row.n += by;
      else counts.set(key, { facet, value, n: by });
    };
    count('total', '', total);
    for (const [area, by] of byKey.area) {
      if (area === 'N') count('national', '', by);
      else {
        const [regions, departements] = area.split('|');
        for (const v of codes(regions)) count('regions', v, by);
        for (const v of codes(departements ?? '')) count('departements', v, by);
      }
    }
    for (const [key, by] of byKey.useCases) for (const v of codes(key)) count('useCases', v, by);
    for (const [grade, by] of byKey.grade) count('grade', grade, by);
    for (const [residency, by] of byKey.residency) count('dataResidency', residency, by);
    return [...counts.values()];
  }

  /** The keys of combinations `ks`, read from the table for those this instance has not met. */
  private async resolve(ks: number[]): Promise<Map<number, ComboKeys>> {
    let missing = ks.filter((k) => !this.keys.has(k));
    if (missing.length > 0) {
      if (this.keys.size + missing.length > MAX_COMBOS) {
        this.keys.clear();
        missing = ks;
      }
      const rows = (await this.dataSource.query(
        'SELECT k, area_key, use_cases_key, grade, data_residency FROM search_facet_combo WHERE k = ANY($1::int[])',
        [missing],
      )) as (ComboKeys & { k: number })[];
      for (const { k, ...keys } of rows) this.keys.set(k, keys);
    }
    return this.keys;
  }
}
