import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BM25_B, BM25_K1, RETRIEVAL_MAX_DF } from '../scoring/lexical.js';

/** One offering's lexical match with a need's text: its BM25 sum and the need's own best possible sum. */
export interface LexicalMatch {
  id: string;
  /** Σ over the need's lexemes the offering has of idf × BM25's saturation at term frequency 1. */
  sum: number;
  /** The offering's keyword-stuffing damping, 1 for ordinary prose (migration OfferingLexemes). */
  damping: number;
}

/** What the need's text weighs against the catalogue: its lexemes some offering has, and their Σ idf. */
export interface NeedTerms {
  /** Σ idf of the need's lexemes some offering has: what an offering of average length holding all of them sums. */
  ideal: number;
  /** How many of the need's distinct lexemes some offering has. */
  terms: number;
}

export interface LexicalScores extends NeedTerms {
  matches: LexicalMatch[];
}

/**
 * The need's distinct lexemes (same French configuration as the offerings'), each with its idf
 * over the published catalogue (migration OfferingLexemes, decision 021); lexemes no offering has
 * are left out, so words only the need uses never lower its offerings' scores. `LIMIT 1` on the
 * one-row statistics tells the planner so: without it, PostgreSQL 15 estimated 1,990 rows there,
 * multiplied every join by it, and JIT-compiled each query (400 ms a match; found by CI's PostgreSQL 15 leg).
 */
const CATALOGUE = `s AS (SELECT greatest(documents, 1)::float8 AS n, greatest(lexemes::float8 / greatest(documents, 1), 1) AS avglen
         FROM offering_text_stats LIMIT 1)`;

const NEED_TERMS = `
  q AS (SELECT DISTINCT l FROM unnest(tsvector_to_array(to_tsvector('french', unaccent($1)))) l),
  ${CATALOGUE},
  w AS MATERIALIZED (SELECT d.lexeme, d.df, ln(1 + (s.n - d.df + 0.5) / (d.df + 0.5)) AS idf FROM q JOIN lexeme_df d ON d.lexeme = q.l, s)`;

const HEAD = '(SELECT coalesce(sum(idf), 0) FROM w) AS ideal, (SELECT count(*) FROM w)::int AS terms';

type Row = { ideal: number; terms: number; id: string | null; sum: number | null; damping: number | null };
const lexicalScores = (rows: Row[]): LexicalScores => ({
  ideal: Number(rows[0]?.ideal ?? 0),
  terms: Number(rows[0]?.terms ?? 0),
  matches: rows.filter((r) => r.id !== null).map((r) => ({ id: r.id as string, sum: Number(r.sum), damping: Number(r.damping ?? 1) })),
});

/**
 * BM25 with term frequency 1 (each lexeme stored once per offering): idf × (k1 + 1) / (1 + k1 (1 − b + b len / avglen)),
 * `length` being the SQL of the offering's distinct-lexeme count.
 */
const term = (length: string): string => `w.idf * ${BM25_K1 + 1} / (1 + ${BM25_K1} * (${1 - BM25_B} + ${BM25_B} * ${length} / s.avglen))`;
const TERM = term('t.lexeme_count');

/** Matching's text relevance on PostgreSQL, whatever the search backend: lexemes, not the catalogue's index. */
@Injectable()
export class OfferingTextRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The BM25 sums of the listed offerings (those sharing no lexeme are absent): one primary-key
   * probe per offering, its lexeme array matched against the need's few lexemes in memory (4× faster
   * than a probe of `offering_lexeme` per lexeme and offering, measured at 50,000 offerings).
   */
  async scores(text: string, ids: readonly string[]): Promise<LexicalScores> {
    const rows = (await this.dataSource.query(
      `WITH ${NEED_TERMS}
       SELECT ${HEAD}, m.id, m.sum, m.damping
         FROM (SELECT 1) one
         LEFT JOIN (SELECT t.offering_id AS id, sum(${TERM}) AS sum, min(t.damping) AS damping
                      FROM unnest($2::uuid[]) AS asked(id) JOIN offering_text t ON t.offering_id = asked.id
                      JOIN w ON w.lexeme = ANY (t.lexemes), s
                     GROUP BY t.offering_id) m ON true`,
      [text, ids],
    )) as Row[];
    return lexicalScores(rows);
  }

  /**
   * The `limit` published offerings with the highest BM25 sums, over the need's lexemes that at most
   * RETRIEVAL_MAX_DF offerings have (bounded cost on a large catalogue; the commonest words weigh
   * least and still count in `scores`).
   */
  async best(text: string, limit: number): Promise<LexicalScores> {
    const rows = (await this.dataSource.query(
      `WITH ${NEED_TERMS}
       SELECT ${HEAD}, m.id, m.sum, m.damping
         FROM (SELECT 1) one
         LEFT JOIN (SELECT x.offering_id AS id, sum(${TERM}) AS sum, min(t.damping) AS damping
                      FROM w JOIN offering_lexeme x ON x.lexeme = w.lexeme
                      JOIN offering_text t ON t.offering_id = x.offering_id, s
                     WHERE w.df <= ${RETRIEVAL_MAX_DF}
                     GROUP BY x.offering_id ORDER BY sum(${TERM}) * min(t.damping) DESC, x.offering_id LIMIT $2) m ON true`,
      [text, limit],
    )) as Row[];
    return lexicalScores(rows);
  }

  /**
   * One offering against many needs' texts (the reverse view, leads), in one query: the offering's
   * lexemes are read from its current text, so a draft previews its leads too. In the texts' order.
   */
  async scoresForNeeds(offeringId: string, texts: readonly string[]): Promise<(NeedTerms & { sum: number; damping: number })[]> {
    if (texts.length === 0) return [];
    const rows = (await this.dataSource.query(
      `WITH o AS MATERIALIZED (SELECT offering_lexemes(title, summary, description) AS lx, offering_text_damping(title, summary, description) AS damping
                   FROM offering WHERE id = $1),
       ${CATALOGUE},
       q AS (SELECT DISTINCT n.i, l FROM unnest($2::text[]) WITH ORDINALITY AS n(t, i), unnest(tsvector_to_array(to_tsvector('french', unaccent(n.t)))) l),
       w AS (SELECT q.i, d.lexeme, ln(1 + (s.n - d.df + 0.5) / (d.df + 0.5)) AS idf FROM q JOIN lexeme_df d ON d.lexeme = q.l, s)
       SELECT w.i::int AS i, sum(w.idf) AS ideal, count(*)::int AS terms, min(o.damping) AS damping,
              coalesce(sum(${term('cardinality(o.lx)')}) FILTER (WHERE w.lexeme = ANY (o.lx)), 0) AS sum
         FROM w, o, s GROUP BY w.i`,
      [offeringId, texts],
    )) as { i: number; ideal: number; terms: number; sum: number; damping: number }[];
    const byIndex = new Map(rows.map((r) => [r.i, r]));
    return texts.map((_, k) => {
      const r = byIndex.get(k + 1);
      return { ideal: Number(r?.ideal ?? 0), terms: Number(r?.terms ?? 0), sum: Number(r?.sum ?? 0), damping: Number(r?.damping ?? 1) };
    });
  }
}
