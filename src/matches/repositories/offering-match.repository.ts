import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PrerankedId, RetrievalNeed, ScoringRow } from './offering-rows.js';
import { eligibleWhere, Params, PROJECTED_SCORING_COLUMNS } from './offering-sql.js';

/** The matching projection `offering_match` (decision 012): what the bounded ranking reads. */
@Injectable()
export class OfferingMatchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The bounded twin of `OfferingCandidatesRepository.findCandidates` for the use-case side (decision 010), on the matching
   * projection (decision 012): PostgreSQL computes `prerank` (SQL of prerank.ts) for every eligible
   * offering sharing a use case with the need, and counts those within `slack` of the `rank`-th best
   * (`kept`), the count of all of them and that `rank`-th best pre-rank (null when there are fewer).
   * Only the `withRows` best come back, with their scoring rows, and the pre-rank of the next one:
   * the others are read (`findKeptBelow`) only if they can still reach the top once text is known,
   * which at 50,000 offerings they seldom can (decision 021: text weighs 30, so nearly all are kept).
   */
  async findTopCandidates(
    need: RetrievalNeed,
    prerank: (param: (value: unknown) => string) => string,
    keep: { rank: number; slack: number; withRows: number },
  ): Promise<TopCandidates> {
    const p = new Params();
    const rows = (await this.dataSource.query(
      // The rows are probed one by one for the best only: LIMIT keeps the lateral subquery from
      // being turned into a join, which PostgreSQL 18 hashed over the whole projection.
      `${keptSql(need, prerank, keep, p)}
       SELECT kept.id AS "keptId", kept.prerank::float8 AS prerank, (SELECT count(*) FROM c)::int AS "eligible",
              (SELECT count(*) FROM kept)::int AS "keptCount", (SELECT prerank FROM k)::float8 AS "kth",
              (SELECT prerank FROM kept WHERE n = ${p.add(keep.withRows + 1)})::float8 AS "nextPrerank", r.*
         FROM kept LEFT JOIN LATERAL (
                SELECT ${PROJECTED_SCORING_COLUMNS} FROM offering_match o WHERE o.offering_id = kept.id LIMIT 1
              ) r ON true
        WHERE kept.n <= ${p.add(keep.withRows)}
        ORDER BY kept.n`,
      p.values,
    )) as ({
      keptId: string;
      prerank: number;
      eligible: number;
      keptCount: number;
      kth: number | null;
      nextPrerank: number | null;
    } & ScoringRow)[];
    // Every row carries the figures; none = no eligible offering at all.
    const first = rows[0];
    return {
      kept: rows.map(({ keptId, prerank: value, eligible: _e, keptCount: _c, kth: _k, nextPrerank: _n, ...row }) => ({
        id: keptId,
        prerank: value,
        row: row as ScoringRow,
      })),
      keptCount: first?.keptCount ?? 0,
      eligible: first?.eligible ?? 0,
      kth: first?.kth ?? null,
      nextPrerank: first?.nextPrerank ?? null,
    };
  }

  /**
   * The kept candidates after the `withRows` best (same order, same pre-rank) whose pre-rank is at
   * least `atLeast`: the bounded ranking's second round, ids only.
   */
  async findKeptBelow(
    need: RetrievalNeed,
    prerank: (param: (value: unknown) => string) => string,
    keep: { rank: number; slack: number; withRows: number },
    atLeast: number,
  ): Promise<PrerankedId[]> {
    const p = new Params();
    const rows = (await this.dataSource.query(
      `${keptSql(need, prerank, keep, p)}
       SELECT kept.id, kept.prerank::float8 AS prerank FROM kept
        WHERE kept.n > ${p.add(keep.withRows)} AND kept.prerank >= ${p.add(atLeast)}::numeric
        ORDER BY kept.n`,
      p.values,
    )) as { id: string; prerank: number }[];
    return rows.map((r) => ({ id: r.id, prerank: r.prerank, row: null }));
  }

  /** Scoring rows of the listed offerings from the matching projection, in no particular order; one primary-key probe each. */
  async findScoringRows(ids: readonly string[]): Promise<ScoringRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT ${PROJECTED_SCORING_COLUMNS} FROM unnest($1::uuid[]) AS asked(id) JOIN offering_match o ON o.offering_id = asked.id`,
      [ids],
    ) as Promise<ScoringRow[]>;
  }
}

/** The candidates of a bounded retrieval and what the ranking needs to know of the others. */
export interface TopCandidates {
  /** The `withRows` best pre-ranks, with their scoring rows. */
  kept: PrerankedId[];
  /** Candidates within the slack of the `rank`-th best (the kept ones), of which `kept` are the first. */
  keptCount: number;
  /** Eligible candidates sharing a use case. */
  eligible: number;
  /** The `rank`-th best pre-rank, null when there are fewer. */
  kth: number | null;
  /** The best pre-rank among the kept ones not returned, null when all were. */
  nextPrerank: number | null;
}

/** `c` (every eligible candidate and its pre-rank), `k` (the rank-th best) and `kept` (within the slack, numbered best first). */
function keptSql(
  need: RetrievalNeed,
  prerank: (param: (value: unknown) => string) => string,
  keep: { rank: number; slack: number },
  p: Params,
): string {
  const where = eligibleWhere(need, p, 'projection');
  where.push(`o.use_cases && ${p.add(need.useCases)}::text[]`);
  const score = prerank((value) => p.add(value));
  return `WITH c AS MATERIALIZED (SELECT o.offering_id AS id, (${score}) AS prerank FROM offering_match o WHERE ${where.join(' AND ')}),
       k AS (SELECT prerank FROM c ORDER BY prerank DESC OFFSET ${p.add(keep.rank - 1)} LIMIT 1),
       kept AS MATERIALIZED (SELECT c.id, c.prerank, row_number() OVER (ORDER BY c.prerank DESC, c.id) AS n FROM c
                 WHERE NOT EXISTS (SELECT 1 FROM k) OR c.prerank >= (SELECT prerank FROM k) - ${p.add(keep.slack)}::numeric)`;
}
