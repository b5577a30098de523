import type { DataSource, EntityManager } from 'typeorm';
import type { OfferingDocument } from '../offering-document.js';
import { groupsSql, SYNONYM_FINGERPRINT, SYNONYM_LEXEMES_JSON, withGroupLexemes, withoutGroupLexemes } from './synonym-lexemes.js';
import { COMBOS_SQL, PRUNE_COMBOS_SQL, UPSERT_SQL } from './upsert-sql.js';

/**
 * The writes of the PostgreSQL catalogue search: indexing and removing offerings, clearing, and
 * the synonym lexemes rebuilt at start, each in one transaction that takes the search generation
 * first (decision 037), with the lexicon and the facet combinations kept up with them.
 */
export class CatalogueWrites {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The table and indexes come from migrations. The synonym groups' lexemes (decision 040) are
   * rebuilt here for every offering when they were built from another synonym table, or not yet:
   * in the writers' transaction, so no write interleaves, and once across instances.
   */
  async prepare(): Promise<void> {
    await this.writing(async (m) => {
      const rows = (await m.query('SELECT synonyms FROM search_generation')) as { synonyms: string | null }[];
      if (rows[0]?.synonyms === SYNONYM_FINGERPRINT) return;
      await m.query(
        `WITH groups AS MATERIALIZED (${groupsSql('$1')})
         UPDATE search_offering s SET tsv = ${withGroupLexemes(withoutGroupLexemes('s.tsv'), 'groups')}`,
        [SYNONYM_LEXEMES_JSON],
      );
      await m.query('UPDATE search_generation SET synonyms = $1, n = n + 1', [SYNONYM_FINGERPRINT]);
    });
  }

  async upsert(documents: OfferingDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.writing(async (m) => {
      const json = JSON.stringify(documents);
      // The documents' combinations of facet values first (migration SearchFacetCombos), then the
      // searched rows, their documents and the lexicon's new words (typo corrections, decision
      // 004) in one statement; the words the replaced versions alone had come back, to be pruned,
      // and so do the combinations they alone had.
      const added = (await m.query(COMBOS_SQL, [json])) as { k: number }[];
      const replaced = await this.combosOf(
        m,
        documents.map((d) => d.id),
      );
      const dropped = (await m.query(UPSERT_SQL, [json, SYNONYM_LEXEMES_JSON])) as { w: string }[];
      await this.pruneLexicon(
        m,
        dropped.map((r) => r.w),
      );
      await m.query(PRUNE_COMBOS_SQL, [[...replaced, ...added.map((r) => r.k)]]);
    });
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.writing(async (m) => {
      const combos = await this.combosOf(m, ids);
      const gone = (await m.query(
        `WITH docs AS (SELECT id, doc FROM search_document WHERE id = ANY($1::uuid[])),
              gone AS (DELETE FROM search_offering WHERE id = ANY($1::uuid[]) RETURNING id)
         SELECT DISTINCT w FROM docs JOIN gone USING (id), search_document_words(docs.doc) AS w`,
        [ids],
      )) as { w: string }[];
      await this.pruneLexicon(
        m,
        gone.map((r) => r.w),
      );
      await m.query(PRUNE_COMBOS_SQL, [combos]);
    });
  }

  /** The combinations of facet values the offerings of `ids` have now. */
  private async combosOf(m: EntityManager, ids: string[]): Promise<number[]> {
    const rows = (await m.query('SELECT DISTINCT combo FROM search_offering WHERE id = ANY($1::uuid[])', [ids])) as { combo: number }[];
    return rows.map((r) => r.combo);
  }

  /**
   * Every write to the catalogue in one transaction that takes the generation row first (decision
   * 037). The statement triggers bump it too, but not last: for INSERT … ON CONFLICT DO UPDATE,
   * PostgreSQL fires the UPDATE statement triggers, then the INSERT ones, so an upsert took the
   * generation row and then facet rows, while a removal takes facet rows and then the generation:
   * two such writers deadlocked (seen in the concurrency test). Taken first, the row orders them.
   */
  private writing<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT n FROM search_generation FOR UPDATE');
      return work(m);
    });
  }

  /**
   * Drops from the lexicon those of `words` that no indexed document is found by, as words are
   * searched (stems: "factures" stays while a document says "facture"), in the write's own
   * transaction, so it sees that write.
   */
  private async pruneLexicon(m: EntityManager, words: string[]): Promise<void> {
    if (words.length === 0) return;
    // Fewer words, other corrections: cached results are retired when any went.
    await m.query(
      `WITH pruned AS (
         DELETE FROM search_word WHERE word IN (
           SELECT l.word FROM search_word l
            WHERE l.word = ANY($1::text[])
              AND NOT EXISTS (SELECT 1 FROM search_offering s WHERE s.tsv @@ plainto_tsquery('french', l.word))
            ORDER BY l.word FOR UPDATE)
         RETURNING 1)
       UPDATE search_generation SET n = n + 1 WHERE EXISTS (SELECT 1 FROM pruned)`,
      [words],
    );
  }

  async clear(): Promise<void> {
    await this.writing(async (m) => {
      await m.query('DELETE FROM search_offering'); // and their documents (ON DELETE CASCADE)
      await m.query('DELETE FROM search_word');
      await m.query('DELETE FROM search_facet_combo');
    });
  }
}
