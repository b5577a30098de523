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
   * offering sharing a use case with the need and returns those within `slack` of the `rank`-th
   * best, best first, with the count of all of them and that `rank`-th best pre-rank (null when
   * there are fewer). The `withRows` best come with their scoring rows; the others are ids, read
   * (`findScoringRows`) only if they can still reach the top once text is known.
   */
  async findTopCandidates(
    need: RetrievalNeed,
    prerank: (param: (value: unknown) => string) => string,
    keep: { rank: number; slack: number; withRows: number },
  ): Promise<{ kept: PrerankedId[]; eligible: number; kth: number | null }> {
    const p = new Params();
    const where = eligibleWhere(need, p, 'projection');
    where.push(`o.use_cases && ${p.add(need.useCases)}::text[]`);
    const score = prerank((value) => p.add(value));
    const rows = (await this.dataSource.query(
      // The rows are probed one by one for the best only: LIMIT keeps the lateral subquery from
      // being turned into a join, which PostgreSQL 18 hashed over the whole projection.
      `WITH c AS MATERIALIZED (SELECT o.offering_id AS id, (${score}) AS prerank FROM offering_match o WHERE ${where.join(' AND ')}),
       k AS (SELECT prerank FROM c ORDER BY prerank DESC OFFSET ${p.add(keep.rank - 1)} LIMIT 1),
       kept AS (SELECT c.id, c.prerank, row_number() OVER (ORDER BY c.prerank DESC, c.id) AS n FROM c
                 WHERE NOT EXISTS (SELECT 1 FROM k) OR c.prerank >= (SELECT prerank FROM k) - ${p.add(keep.slack)}::numeric)
       SELECT kept.id AS "keptId", kept.prerank::float8 AS prerank, (SELECT count(*) FROM c)::int AS "eligible",
              (SELECT prerank FROM k)::float8 AS "kth", r.*
         FROM kept LEFT JOIN LATERAL (
                SELECT ${PROJECTED_SCORING_COLUMNS} FROM offering_match o WHERE o.offering_id = kept.id AND kept.n <= ${p.add(keep.withRows)} LIMIT 1
              ) r ON true
        ORDER BY kept.n`,
      p.values,
    )) as ({ keptId: string; prerank: number; eligible: number; kth: number | null } & (ScoringRow | { [K in keyof ScoringRow]: null }))[];
    // Every row carries the two figures; none = no eligible offering at all.
    const eligible = rows[0]?.eligible ?? 0;
    const kth = rows[0]?.kth ?? null;
    return {
      kept: rows.map(({ keptId, prerank: value, eligible: _e, kth: _k, ...row }) => ({
        id: keptId,
        prerank: value,
        row: row.id === null ? null : (row as ScoringRow),
      })),
      eligible,
      kth,
    };
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
