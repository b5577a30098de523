import { listDepartements, listRegions } from '../reference/geo/geography.js';

/** The place facets: counted as the région and département filters match, national offerings included. */
export const PLACE_FACETS = ['regions', 'departements'] as const;
export type PlaceFacet = (typeof PLACE_FACETS)[number];

const placeCodes: Record<PlaceFacet, () => string[]> = {
  regions: () => listRegions().map((r) => r.regionCode),
  departements: () => listDepartements().map((d) => d.departementCode),
};

/**
 * A place facet as the filter reads it (`national OR code listed`, decision 024): the counts of
 * the matched offerings that are not national, by the codes they list, plus the matched national
 * offerings on every code, since they serve them all. Codes counting zero are left out.
 */
export function servedCounts(facet: PlaceFacet, notNational: Record<string, number>, national: number): Record<string, number> {
  const counts: Record<string, number> = { ...notNational };
  if (national > 0) for (const code of placeCodes[facet]()) counts[code] = (counts[code] ?? 0) + national;
  for (const [code, n] of Object.entries(counts)) if (!n) delete counts[code];
  return counts;
}
