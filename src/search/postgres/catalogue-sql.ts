import type { CatalogueQuery } from '../search-index.port.js';

/**
 * How the text is searched: as typed (`words`); every word required, each as any of its readings
 * (`corrected`: synonyms, typo corrections); any word enough, ranked by how many match (`partial`);
 * trigram closeness of the phrase (`typos`).
 */
export type TextMode = 'none' | 'words' | 'corrected' | 'partial' | 'typos';

/** A query word as the corrected search reads it: any of its readings, or none of them when negated ("-vocal"). */
export interface WordReadings {
  readings: string[];
  negated: boolean;
  /**
   * When the readings are a synonym group's expressions and the index holds its lexeme (decision
   * 040): offerings are found by the lexeme, one posting list, and still ranked on the readings.
   */
  lexeme?: string;
}

/**
 * WHERE clause, parameters and text ranking (null without text) of a query, written for counting
 * or, `forPage`, for choosing a page (the same offerings either way). The WHERE clause uses
 * the first `whereParams` parameters, the rank the others too. `combosOnly`, when its
 * only filters are on the facets of a combination (no text), is their condition on `c`, a row of
 * `search_facet_combo`, over the same parameters.
 */
export function catalogueWhere(
  query: CatalogueQuery,
  text: string,
  mode: TextMode,
  readings: readonly WordReadings[],
  { forPage = false }: { forPage?: boolean } = {},
): { sql: string; params: unknown[]; whereParams: number; rank: string | null; combosOnly: string | null } {
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  // Documents found by any of `words` as the search reads them; built once per query, not once
  // per row, as a scalar subquery (unaccent is only STABLE).
  const anyOf = (words: readonly string[]): string =>
    `(SELECT ${words.map((w) => `websearch_to_tsquery('french', unaccent(${p(w)}))`).join(' || ')})`;
  // A tsquery combined of several (AND, OR, NOT), combined once: written bare, the combining ran
  // again for every row ranked (a third of the cost of ranking 8,000 offerings).
  const once = (expr: string): string => `(SELECT ${expr})`;
  // What finds the offerings of a word: its group's lexeme, or any of its readings. Either way
  // the same offerings (the lexeme is stored exactly where the readings match).
  const found = (w: WordReadings): string => (w.lexeme ? `(SELECT ${p(w.lexeme)}::tsquery)` : anyOf(w.readings));
  // What ranks the offerings of a word: any of its readings, a synonym group's as one OR of their
  // distinct words (French stems, quoted as tsquery input wants). ts_rank ranks on the distinct
  // words of its query either way, so the value is the same, but it sorts and deduplicates them
  // again for every offering: the chatbot group's 11 expressions, 22 words with repeats, cost a
  // third more than its 10 distinct words (decision 041).
  const ranked = (w: WordReadings): string =>
    w.lexeme
      ? `(SELECT string_agg(DISTINCT '''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery
            FROM unnest(${p(w.readings)}::text[]) AS r, unnest(tsvector_to_array(to_tsvector('french', unaccent(r)))) AS l)`
      : anyOf(w.readings);
  const where: string[] = [];
  // The rank is written after every condition, so its own parameters come last and a statement
  // that only filters can leave them out (`whereParams`).
  let rankOf: (() => string) | null = null;
  if (mode === 'words' || mode === 'corrected') {
    // Words: the query as typed. Corrected: every word (AND), each as any of its readings (OR),
    // OR-ed tsqueries on the same GIN index.
    const words = mode === 'words' ? [{ readings: [text.toLowerCase()], negated: false }] : readings;
    const tsquery = (of: (w: WordReadings) => string): string => once(words.map((w) => `${w.negated ? '!!' : ''}${of(w)}`).join(' && '));
    const matching = tsquery(found);
    where.push(`s.tsv @@ ${matching}`);
    // Title matches first: ts_rank weighs the title (A) highest. It ranks on the readings: those
    // that found the offerings, unless a group's lexeme did.
    rankOf = () => `ts_rank(s.tsv, ${words.some((w) => w.lexeme) ? tsquery(ranked) : matching})`;
  } else if (mode === 'partial') {
    // Any word found is enough; documents with more of the query's words first, then by ts_rank.
    // Negated words still exclude.
    const kept = readings.filter((w) => !w.negated);
    const wanted = kept.map(found);
    const matching = once(wanted.join(' || '));
    where.push(`s.tsv @@ ${matching}`);
    for (const w of readings.filter((r) => r.negated)) where.push(`NOT s.tsv @@ ${anyOf(w.readings)}`);
    rankOf = () => {
      const any = kept.some((w) => w.lexeme) ? once(kept.map(ranked).join(' || ')) : matching;
      return `(${wanted.map((q) => `(s.tsv @@ ${q})::int`).join(' + ')}) * 100 + ts_rank(s.tsv, ${any})`;
    };
  } else if (mode === 'typos') {
    // The phrase texts live beside the document (migration SearchFacetCombos), with their trigram
    // index. Negated words ("-vocal") are not part of the trigram phrase: they exclude, as with words.
    const tokens = text.toLowerCase().split(' ');
    const negated = tokens.filter((t) => t.length > 1 && t.startsWith('-')).map((t) => t.slice(1));
    const raw = p(tokens.filter((t) => !t.startsWith('-')).join(' '));
    where.push(`s.id IN (SELECT d.id FROM search_document d WHERE lower(unaccent(${raw})) <% d.search_text)`);
    if (negated.length > 0) where.push(`NOT s.tsv @@ ${anyOf(negated)}`);
    // Typos rank by trigram closeness.
    rankOf = () => `(SELECT word_similarity(lower(unaccent(${raw})), d.search_text) + similarity(lower(unaccent(${raw})), d.title_norm)
               FROM search_document d WHERE d.id = s.id)`;
  }
  // The facet filters choose combinations of facet values (a few thousand rows at most), then the
  // offerings that have one of them (migration SearchFacetCombos).
  const combo: string[] = [];
  if (query.useCases?.length) combo.push(`c.use_cases && ${p(query.useCases)}::text[]`);
  if (query.region) combo.push(`(c.national OR ${p(query.region)} = ANY(c.regions))`);
  if (query.departement) combo.push(`(c.national OR ${p(query.departement)} = ANY(c.departements))`);
  if (query.grades?.length) combo.push(`c.grade = ANY(${p(query.grades)}::text[])`);
  if (query.dataResidencies?.length) combo.push(`c.data_residency = ANY(${p(query.dataResidencies)}::text[])`);
  if (combo.length > 0) {
    const combos = `SELECT c.k FROM search_facet_combo c WHERE ${combo.join(' AND ')}`;
    // Counting without text, the combinations' numbers go to their index, whose bitmap PostgreSQL
    // ANDs with the requirements' (12 ms where hashing them over every row took 19, at 50k
    // offerings). Otherwise a semi-join: with text, the text's index leads and each row it finds is
    // checked against the hashed set; for a page without text, the planner estimates how many
    // offerings the combinations have, and walks the publication date's index when they are many
    // (1 ms where the bitmap took 10, decision 041).
    where.push(mode === 'none' && !forPage ? `s.combo = ANY(ARRAY(${combos}))` : `s.combo IN (${combos})`);
  }
  if (query.sectors?.length) where.push(`s.sectors && ${p(query.sectors)}::text[]`);
  if (query.requirements?.length) where.push(`s.requirements @> ${p(query.requirements)}::text[]`);
  if (query.vendorId) where.push(`s.vendor_id = ${p(query.vendorId)}::uuid`);
  // Filters on combination facets alone: the combinations' own counts answer (decision 040).
  const combosOnly = combo.length > 0 && where.length === 1 ? combo.join(' AND ') : null;
  const whereParams = params.length;
  const rank = rankOf ? rankOf() : null;
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params, whereParams, rank, combosOnly };
}
