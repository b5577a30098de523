import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CandidateRow, RetrievalNeed, ScoringRow } from './offering-rows.js';
import { CANDIDATE_COLUMNS, eligibleWhere, Params, reachWhere, SCORING_COLUMNS } from './offering-sql.js';

/**
 * Offerings as matching reads them live, on `offering` joined to its vendor: the exhaustive
 * ranking, the text-only candidates, the rows shown, market depth, exclusions and leads' offering.
 */
@Injectable()
export class OfferingCandidatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Eligible offerings sharing a use case with the need, or among `textIds` (the search index's
   * best for its text): only the columns ranking reads, since every candidate is scored.
   */
  async findCandidates(need: RetrievalNeed, textIds: readonly string[]): Promise<ScoringRow[]> {
    const p = new Params();
    const where = eligibleWhere(need, p);
    const retrieval = [`o.use_cases && ${p.add(need.useCases)}::text[]`];
    if (textIds.length > 0) retrieval.push(`o.id = ANY(${p.add(textIds)}::uuid[])`);
    where.push(`(${retrieval.join(' OR ')})`);
    return this.dataSource.query(
      `SELECT ${SCORING_COLUMNS} FROM offering o JOIN organisation org ON org.id = o.vendor_id WHERE ${where.join(' AND ')}`,
      p.values,
    ) as Promise<ScoringRow[]>;
  }

  /** Eligible offerings among `ids` sharing NO use case with the need: what text retrieval adds to the bounded pre-rank. */
  async findTextOnlyCandidates(need: RetrievalNeed, ids: readonly string[]): Promise<ScoringRow[]> {
    if (ids.length === 0) return [];
    const p = new Params();
    const where = eligibleWhere(need, p);
    where.push(`o.id = ANY(${p.add(ids)}::uuid[])`);
    if (need.useCases.length > 0) where.push(`NOT (o.use_cases && ${p.add(need.useCases)}::text[])`);
    return this.dataSource.query(
      `SELECT ${SCORING_COLUMNS} FROM offering o JOIN organisation org ON org.id = o.vendor_id WHERE ${where.join(' AND ')}`,
      p.values,
    ) as Promise<ScoringRow[]>;
  }

  /** Full rows (display and every eligibility column) of the listed offerings: the top of a ranking. */
  async findCandidateRows(ids: readonly string[]): Promise<CandidateRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM offering o JOIN organisation org ON org.id = o.vendor_id WHERE o.id = ANY($1::uuid[])`,
      [ids],
    ) as Promise<CandidateRow[]>;
  }

  /** Eligible offerings sharing a use case (all of them when the need names none): market depth, text ignored. */
  async findEligibleByUseCase(need: RetrievalNeed): Promise<CandidateRow[]> {
    const p = new Params();
    const where = eligibleWhere(need, p);
    if (need.useCases.length > 0) where.push(`o.use_cases && ${p.add(need.useCases)}::text[]`);
    return this.dataSource.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM offering o JOIN organisation org ON org.id = o.vendor_id WHERE ${where.join(' AND ')}`,
      p.values,
    ) as Promise<CandidateRow[]>;
  }

  /**
   * Offerings sharing a use case, eligible by every rule but the need's reach, whose vendor is
   * outside it: the curators' "autres pistes hors périmètre" (issue 26). Empty for a national need.
   */
  async findOutOfReach(need: RetrievalNeed, limit: number): Promise<CandidateRow[]> {
    if (need.reachDepartements === null || need.useCases.length === 0) return [];
    const p = new Params();
    const where = eligibleWhere({ ...need, reachDepartements: null }, p);
    where.push(`o.use_cases && ${p.add(need.useCases)}::text[]`, `NOT ${reachWhere(need.reachDepartements, p)}`);
    return this.dataSource.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM offering o JOIN organisation org ON org.id = o.vendor_id
        WHERE ${where.join(' AND ')} ORDER BY o.id LIMIT ${p.add(limit)}`,
      p.values,
    ) as Promise<CandidateRow[]>;
  }

  /** Published offerings sharing a use case, eligible or not: curators see which rule excluded each. */
  async findPublishedByUseCase(useCases: readonly string[], limit: number): Promise<CandidateRow[]> {
    return this.dataSource.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM offering o JOIN organisation org ON org.id = o.vendor_id
        WHERE o.status = 'published' AND o.use_cases && $1::text[] ORDER BY o.id LIMIT $2`,
      [useCases, limit],
    ) as Promise<CandidateRow[]>;
  }

  /** One offering with its vendor, whatever its status. */
  async findOffering(offeringId: string): Promise<CandidateRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM offering o JOIN organisation org ON org.id = o.vendor_id WHERE o.id = $1`,
      [offeringId],
    )) as CandidateRow[];
    return rows[0] ?? null;
  }
}
