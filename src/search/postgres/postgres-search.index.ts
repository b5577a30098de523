import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Facet, type OfferingDocument } from '../offering-document.js';
import { catalogueCounts, ComboCounts, toFacets, whereKey, type FacetCount } from './facet-counts.js';
import { CORRECTIONS_SQL } from './lexicon-sql.js';
import { foldText, synonymReadings, VOCABULARY } from '../synonyms.js';
import { asTyped, onlyVocabulary, withCorrections } from './query-readings.js';
import { PARTIAL_BELOW } from '../typo-budget.js';
import { SearchResultCache } from './search-cache.js';
import { catalogueWhere, type TextMode, type WordReadings } from './catalogue-sql.js';
import { CatalogueWrites } from './catalogue-writes.js';
import { groupLexeme, SYNONYM_FINGERPRINT } from './synonym-lexemes.js';
import { normaliseQuery, type CatalogueQuery, type CatalogueResult, type SearchHealth, type SearchIndex } from '../search-index.port.js';

/** The one statement a search served from the cache runs (decision 037). */
export const GENERATION_READ =
  "SELECT n::text AS n, synonyms = $1 AS lexemes, pg_relation_filenode('search_facet_combo')::text AS combos FROM search_generation";

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

  private readonly cache: SearchResultCache;
  private readonly writes: CatalogueWrites;
  private readonly counts: ComboCounts;

  /** `cacheEntries`: results kept by this instance until the next catalogue write (0 = none, decision 037). */
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    { cacheEntries = 0 }: { cacheEntries?: number } = {},
  ) {
    this.cache = new SearchResultCache(cacheEntries);
    this.writes = new CatalogueWrites(dataSource);
    this.counts = new ComboCounts(dataSource);
  }

  /** The synonym lexemes rebuilt when the synonym table changed (decision 040); the rest comes from migrations. */
  prepare(): Promise<void> {
    return this.writes.prepare();
  }

  upsert(documents: OfferingDocument[]): Promise<void> {
    return this.writes.upsert(documents);
  }

  remove(ids: string[]): Promise<void> {
    return this.writes.remove(ids);
  }

  clear(): Promise<void> {
    return this.writes.clear();
  }

  /**
   * A query asked again since the last write to the catalogue is served from this instance's
   * cache: the generation is read first (one indexed row), so a result computed after it reflects
   * at least that generation, and any later write, here or on another instance, retires it.
   */
  async search(query: CatalogueQuery): Promise<CatalogueResult> {
    // The same read tells whether the stored synonym lexemes are this table's (decision 040), and
    // which storage the facet combinations are in (decision 041).
    const rows = (await this.dataSource.query(GENERATION_READ, [SYNONYM_FINGERPRINT])) as {
      n: string;
      lexemes: boolean | null;
      combos: string;
    }[];
    const lexemes = rows[0]?.lexemes === true;
    this.counts.storedIn(rows[0]?.combos ?? '');
    if (!this.cache.enabled) return this.compute(query, lexemes);
    const generation = rows[0]?.n ?? '';
    const key = SearchResultCache.key(query);
    const kept = this.cache.get(key, generation);
    if (kept) return kept;
    const result = await this.compute(query, lexemes);
    this.cache.set(key, generation, result);
    return result;
  }

  /** `lexemes`: the index holds this synonym table's group lexemes. */
  private async compute(query: CatalogueQuery, lexemes: boolean): Promise<CatalogueResult> {
    const text = normaliseQuery(query.q);
    // Exact words first (French stems, GIN on the tsvector), an expression of the synonym table
    // read as any of its group. When they find nothing, each word corrected from the lexicon
    // ("factrues", "prévsiion des ventes"), on the same index; then any of the words, ranked by how
    // many match (Meilisearch's `last` matching strategy); last, the trigram match over the phrase,
    // which costs more per row and would drown exact hits.
    const synonyms = text ? synonymReadings(text) : null;
    let mode: TextMode = !text ? 'none' : synonyms ? 'corrected' : 'words';
    // What the text is searched as, when not as typed: words (AND) of readings (OR).
    const grouped = synonyms?.map((s) => ({ ...s, ...(lexemes && s.groups[0] ? { lexeme: groupLexeme(s.groups[0]) } : {}) }));
    let readings: WordReadings[] = grouped?.map(({ readings: r, negated, lexeme }) => ({ readings: r, negated, lexeme })) ?? [];
    let counted = await this.facetsAndTotal(query, text, mode, readings);
    // Each fallback below is decided on the text alone, never within the filters: a filter that
    // leaves few exact matches must not bring partial or fuzzy ones in, or choosing a facet value
    // would find more than the count it showed (an outside review: 6 shown, 14 found). With
    // filters, below the thresholds, the text's own matches are counted (capped at PARTIAL_BELOW).
    const filtered = catalogueWhere(query, '', 'none', []).sql !== ''; // the filters alone narrow the catalogue
    const basisOf = async (total: number): Promise<number> =>
      filtered && mode !== 'none' && total < PARTIAL_BELOW ? this.textCount(text, mode, readings) : total;
    let basis = await basisOf(counted.total);
    // Each unknown word read as the lexicon's words within its typo budget: index lookups, where
    // the trigram match reads whole texts (p95 ≈ 0.5 s for a typo phrase at 10k offerings).
    if (basis === 0 && mode !== 'none') {
      const corrected = await this.corrections(text);
      if (corrected) {
        mode = 'corrected';
        readings = grouped ? withCorrections(grouped, corrected) : corrected;
        counted = await this.facetsAndTotal(query, text, mode, readings);
        basis = await basisOf(counted.total);
      }
    }
    // Fewer hits than PARTIAL_BELOW with every word: those first, then the offerings matching fewer
    // of the words (Meilisearch's `last` matching strategy), so a search never dead-ends on one
    // word too many.
    if (mode === 'words') readings = asTyped(text);
    if (basis < PARTIAL_BELOW && mode !== 'none' && readings.filter((r) => !r.negated).length > 1) {
      // Any-word matches include every all-word match: more of them is what makes the fallback worth it.
      const partialBasis = filtered ? await this.textCount(text, 'partial', readings) : undefined;
      if (partialBasis === undefined || partialBasis > basis) {
        const partial = await this.facetsAndTotal(query, text, 'partial', readings);
        const found = partialBasis ?? partial.total;
        if (found > basis) {
          mode = 'partial';
          counted = partial;
          basis = found;
        }
      }
    }
    // The trigram match would read real words as others ("transcription" as "traduction"): not
    // for a query made of the synonym table's words only.
    if (basis === 0 && mode !== 'none' && !onlyVocabulary(text)) {
      mode = 'typos';
      counted = await this.facetsAndTotal(query, text, mode, readings);
    }
    // The ranked page came with the counts when they were counted for this very search.
    const final = catalogueWhere(query, text, mode, readings);
    const items =
      counted.total === 0 ? [] : counted.page.key === whereKey(final) ? counted.page.items : await this.page(query, text, mode, readings);
    return {
      items: items.map((document) => ({ document })),
      total: counted.total,
      page: query.page,
      pageSize: query.pageSize,
      facets: counted.facets,
    };
  }

  private async facetsAndTotal(
    query: CatalogueQuery,
    text: string,
    mode: TextMode,
    readings: readonly WordReadings[],
  ): Promise<{ total: number; facets: Record<Facet, Record<string, number>>; page: { key: string; items: OfferingDocument[] } }> {
    const where = catalogueWhere(query, text, mode, readings);
    const { sql, whereParams } = where;
    // The counts leave the rank out, and its parameters.
    const params = where.params.slice(0, whereParams);
    const counts = (): Promise<FacetCount[]> => {
      // The whole catalogue (no text, no filter): the counts the triggers keep (migration
      // SearchFacetCounts), the same numbers without reading every offering.
      if (sql === '') return catalogueCounts(this.dataSource);
      // Filters on the facets of a combination alone (use case, place, grade, hosting): the
      // offerings per combination the triggers keep (decision 040), without reading an offering.
      if (where.combosOnly) return this.counts.ofCombos(where.combosOnly, params);
      return this.counts.matched(sql, params);
    };
    // The page is read at the same time as the counts, on a second connection: two processes,
    // where materializing the matched rows once for both took longer than reading them twice
    // (decision 041). When a fallback follows, it was a page of few offerings, or none.
    const [rows, items] = await Promise.all([counts(), this.page(query, text, mode, readings)]);
    return { ...toFacets(rows), page: { key: whereKey(where), items } };
  }

  /** How many offerings the text alone finds in `mode`, whatever the query's filters, counted up to PARTIAL_BELOW. */
  private async textCount(text: string, mode: TextMode, readings: readonly WordReadings[]): Promise<number> {
    const { sql, params, whereParams } = catalogueWhere({ page: 1, pageSize: 1 }, text, mode, readings);
    // Planned apart from the LIMIT (a CTE is read as asked): under a LIMIT, the planner reads a
    // match as likely and walks the table, which for a text with no match is every row (15 ms at
    // 50k offerings, against the index's 0.5).
    const rows = (await this.dataSource.query(
      `WITH matched AS MATERIALIZED (SELECT 1 FROM search_offering s ${sql})
       SELECT count(*)::int AS n FROM (SELECT 1 FROM matched LIMIT ${PARTIAL_BELOW}) capped`,
      params.slice(0, whereParams),
    )) as { n: number }[];
    return rows[0].n;
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
    const rows = (await this.dataSource.query(CORRECTIONS_SQL, [text])) as { word: string; negated: boolean; corrections: string[] }[];
    // A word of the synonym table is a real word: never "corrected" into another ("transcription"
    // is not a typo of "traduction").
    for (const r of rows) if (VOCABULARY.has(foldText(r.word))) r.corrections = [];
    if (!rows.some((r) => r.corrections.length > 0)) return null;
    return rows.map((r) => ({ readings: [r.word, ...r.corrections], negated: r.negated }));
  }

  private async page(query: CatalogueQuery, text: string, mode: TextMode, readings: readonly WordReadings[]): Promise<OfferingDocument[]> {
    const { sql, params, rank } = catalogueWhere(query, text, mode, readings, { forPage: true });
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    // The page is chosen first, then its documents read: joined before the LIMIT, the planner may
    // read the document of every matched offering.
    const rows = (await this.dataSource.query(
      `SELECT d.doc FROM (SELECT s.id, ${rank ?? 'NULL::real'} AS rank, s.published_at FROM search_offering s ${sql}
                           ORDER BY ${rank ? 'rank DESC, ' : ''}s.published_at DESC, s.id
                           LIMIT $${params.length - 1} OFFSET $${params.length}) p
         JOIN search_document d ON d.id = p.id
        ORDER BY p.rank DESC, p.published_at DESC, p.id`,
      params,
    )) as { doc: OfferingDocument }[];
    return rows.map((r) => r.doc);
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
