import { referenceData } from '../reference/data/reference-data.js';
import { normaliseQuery, type CatalogueQuery, type SearchIndex } from '../search/search-index.port.js';
import { foldText, SYNONYM_GROUPS, synonymReadings } from '../search/synonyms.js';

/** A filter of the catalogue's query string that a suggestion may drop. */
export type CatalogueFilterParam = 'q' | 'useCase' | 'sector' | 'region' | 'departement' | 'grade' | 'dataResidency' | 'requirement';

export interface CatalogueSuggestions {
  /** Use cases nearest the words typed (or the best-stocked ones), with their offerings under the other filters. */
  useCases: { code: string; label: string; count: number }[];
  /** The same search with filters dropped, and what it would find. */
  relaxations: { drop: CatalogueFilterParam[]; label: string; count: number }[];
}

export const NO_SUGGESTIONS: CatalogueSuggestions = { useCases: [], relaxations: [] };

const FILTERS: { param: CatalogueFilterParam; key: keyof CatalogueQuery; label: string }[] = [
  { param: 'useCase', key: 'useCases', label: "Sans le filtre de cas d'usage" },
  { param: 'sector', key: 'sectors', label: "Sans le filtre de secteur d'activité" },
  { param: 'region', key: 'region', label: 'Sans le filtre de région' },
  { param: 'departement', key: 'departement', label: 'Sans le filtre de département' },
  { param: 'grade', key: 'grades', label: 'Sans le filtre de niveau de souveraineté' },
  { param: 'dataResidency', key: 'dataResidencies', label: "Sans le filtre d'hébergement des données" },
  { param: 'requirement', key: 'requirements', label: 'Sans les exigences' },
];

const MAX_USE_CASES = 3;
/** Words compared by their first letters, so "factures" meets "facturation" and "comptable" "comptabilité". */
const STEM = 5;
const stems = (text: string): Set<string> =>
  new Set(
    foldText(text)
      .split(' ')
      .filter((w) => w.length >= 3)
      .map((w) => w.slice(0, STEM)),
  );

/**
 * The use cases nearest a query, closest first: those of the synonym groups its expressions
 * belong to, then those whose label or synonyms share the most word stems with it.
 */
export function nearestUseCases(q: string): string[] {
  const scores = new Map<string, number>();
  const add = (code: string, score: number) => scores.set(code, (scores.get(code) ?? 0) + score);
  for (const reading of synonymReadings(q) ?? []) for (const g of reading.groups) if (g.useCase) add(g.useCase, 10);
  const asked = stems(q);
  for (const useCase of referenceData().useCases) {
    const vocabulary = new Set([
      ...stems(useCase.label),
      ...SYNONYM_GROUPS.filter((g) => g.useCase === useCase.code).flatMap((g) => [...stems(g.terms.join(' '))]),
    ]);
    const shared = [...asked].filter((s) => vocabulary.has(s)).length;
    if (shared > 0) add(useCase.code, shared);
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
}

/**
 * What to offer when a search finds nothing (issue 22): the nearest use cases and the filters to
 * drop, each with the number of offerings it would find. Runs only on an empty result, through the
 * search port, so both backends give the same suggestions.
 */
export async function suggest(index: SearchIndex, query: CatalogueQuery): Promise<CatalogueSuggestions> {
  const count = async (q: CatalogueQuery): Promise<number> => (await index.search({ ...q, page: 1, pageSize: 1 })).total;
  const labels = new Map(referenceData().useCases.map((u) => [u.code as string, u.label]));
  // Use cases: the other filters kept, the text and the use-case filter dropped.
  const base: CatalogueQuery = { ...query, q: undefined, useCases: undefined };
  const useCases: CatalogueSuggestions['useCases'] = [];
  const text = normaliseQuery(query.q);
  for (const code of text ? nearestUseCases(text) : []) {
    if (useCases.length === MAX_USE_CASES) break;
    const n = await count({ ...base, useCases: [code] });
    if (n > 0) useCases.push({ code, label: labels.get(code) ?? code, count: n });
  }
  if (useCases.length === 0) {
    // Nothing near the words: the best-stocked use cases under the other filters.
    const facets = (await index.search({ ...base, page: 1, pageSize: 1 })).facets.useCases;
    for (const [code, n] of Object.entries(facets)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_USE_CASES))
      useCases.push({ code, label: labels.get(code) ?? code, count: n });
  }
  const active = FILTERS.filter((f) => {
    const v = query[f.key];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '';
  });
  const relaxations: CatalogueSuggestions['relaxations'] = [];
  for (const f of active) {
    const n = await count({ ...query, [f.key]: undefined });
    if (n > 0) relaxations.push({ drop: [f.param], label: f.label, count: n });
  }
  if (active.length > 1) {
    const none = Object.fromEntries(active.map((f) => [f.key, undefined])) as Partial<CatalogueQuery>;
    const n = await count({ ...query, ...none });
    if (n > 0) relaxations.push({ drop: active.map((f) => f.param), label: 'Sans aucun filtre', count: n });
  }
  if (text && active.length > 0) {
    const n = await count({ ...query, q: undefined });
    if (n > 0) relaxations.push({ drop: ['q'], label: 'Sans les mots cherchés, avec les filtres', count: n });
  }
  return { useCases, relaxations };
}
