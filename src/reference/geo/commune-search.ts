import { referenceData } from '../data/reference-data.js';
import type { Commune, DepartementCode, Geography, IndexedCommune } from '../data/geo.types.js';
import { compact, normaliseName } from '../data/normalise-name.js';

export interface CommuneSearch {
  /** A name prefix, a postal code (or its first digits) or an INSEE commune code. */
  readonly q?: string;
  readonly departementCode?: DepartementCode;
  readonly offset: number;
  readonly limit: number;
}

export interface CommuneSearchResult {
  readonly items: Commune[];
  readonly total: number;
}

const DIGITS = /^\d{2,5}$/;
const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/i;

/**
 * Communes whose name starts with `q` (accents, case, hyphens, apostrophes and "St"/"Ste" do not
 * matter; a leading article may be left out), or whose postal code starts with `q`. An exact name
 * or code comes first, then larger communes: the index is already sorted by population.
 */
export function searchCommunes(search: CommuneSearch, geo: Geography = referenceData().geography): CommuneSearchResult {
  const inDepartement = (entry: IndexedCommune): boolean =>
    search.departementCode === undefined || entry.commune.departementCode === search.departementCode;
  const raw = search.q?.trim() ?? '';
  const exact: Commune[] = [];
  const others: Commune[] = [];

  if (raw === '') {
    for (const entry of geo.communeIndex) if (inDepartement(entry)) others.push(entry.commune);
  } else if (DIGITS.test(raw) || INSEE_CODE.test(raw)) {
    const code = raw.toUpperCase();
    for (const entry of geo.communeIndex) {
      if (!inDepartement(entry)) continue;
      const { commune } = entry;
      if (commune.communeCode === code) exact.push(commune);
      else if (commune.postalCodes.some((postal) => postal.startsWith(raw))) others.push(commune);
    }
  } else {
    const key = normaliseName(raw);
    const compactKey = compact(key);
    if (compactKey === '') return { items: [], total: 0 };
    for (const entry of geo.communeIndex) {
      if (!inDepartement(entry)) continue;
      if (entry.keys.includes(key) || entry.compactKeys.includes(compactKey)) exact.push(entry.commune);
      else if (entry.keys.some((k) => k.startsWith(key)) || entry.compactKeys.some((k) => k.startsWith(compactKey))) {
        others.push(entry.commune);
      }
    }
  }
  const all = exact.concat(others);
  return { items: all.slice(search.offset, search.offset + search.limit), total: all.length };
}
