import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FlatSovereignty } from '../sovereignty/flat-profile.js';
import type { HardRequirement } from '../sovereignty/hard-requirements.js';
import { requirementsSql } from '../sovereignty/requirement-sql.js';
import type { SovereigntyGrade } from '../sovereignty/sovereignty-score.js';
import type { Weights } from './scoring/weights.js';

/** What retrieval needs to know of a need: the eligibility rules of DESIGN §5.1 and its use cases. */
export interface RetrievalNeed {
  useCases: readonly string[];
  departementCode: string | null;
  regionCode: string | null;
  acceptsRemote: boolean;
  requirements: readonly HardRequirement[];
  minGrade: SovereigntyGrade | null;
  budgetMinEur: number | null;
  budgetMaxEur: number | null;
}

/** An offering as scoring reads it, with its vendor's public profile and sites. */
export interface CandidateRow extends FlatSovereignty {
  id: string;
  title: string;
  summary: string | null;
  status: string;
  useCases: string[];
  sectors: string[];
  serviceNational: boolean;
  serviceRegions: string[];
  serviceDepartements: string[];
  remoteDelivery: boolean;
  minBudgetEur: number | null;
  maxBudgetEur: number | null;
  targetBuyerTypes: string[];
  sovereigntyScore: number;
  sovereigntyGrade: SovereigntyGrade;
  gradeVerified: boolean;
  vendorId: string;
  vendorName: string;
  vendorVerified: boolean;
  vendorCommuneCode: string;
  /** Commune codes of the vendor's other declared establishments. */
  vendorEstablishmentCommunes: string[];
}

/** The columns ranking reads for every candidate; the rest is fetched for the top ones only. */
export type ScoringRow = Pick<
  CandidateRow,
  | 'id'
  | 'useCases'
  | 'sectors'
  | 'serviceNational'
  | 'serviceRegions'
  | 'serviceDepartements'
  | 'remoteDelivery'
  | 'minBudgetEur'
  | 'maxBudgetEur'
  | 'targetBuyerTypes'
  | 'sovereigntyScore'
  | 'sovereigntyGrade'
  | 'gradeVerified'
  | 'vendorCommuneCode'
  | 'vendorEstablishmentCommunes'
>;

/** A candidate of a bounded retrieval: its id, its pre-rank (Σ weight × score of every criterion but text) and, for the best, its scoring row. */
export interface PrerankedId {
  id: string;
  prerank: number;
  row: ScoringRow | null;
}

/** A published need as leads show it: no organisation, no person. */
export interface LeadNeedRow {
  id: string;
  title: string;
  description: string | null;
  useCases: string[];
  sector: string | null;
  communeCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  acceptsRemote: boolean;
  requirements: string[];
  minSovereigntyGrade: SovereigntyGrade | null;
  minBudgetEur: number | null;
  maxBudgetEur: number | null;
  desiredStart: string | null;
  buyerType: string | null;
  publishedAt: Date | null;
}

/** What the reverse view filters needs on: the offering's side of each rule. */
export interface LeadOffering {
  useCases: readonly string[];
  requirementsMet: readonly HardRequirement[];
  grade: SovereigntyGrade;
  serviceNational: boolean;
  serviceRegions: readonly string[];
  serviceDepartements: readonly string[];
  remoteDelivery: boolean;
  minBudgetEur: number | null;
  maxBudgetEur: number | null;
}

export interface StoredWeights {
  weights: Weights;
  version: number;
  updatedAt: Date;
}

/** The vendor's head office and the communes of its other establishments (alias `org`). */
const VENDOR_SITES = `org.commune_code AS "vendorCommuneCode",
  ARRAY(SELECT e->>'communeCode' FROM jsonb_array_elements(org.establishments) e WHERE e ? 'communeCode') AS "vendorEstablishmentCommunes"`;

/** The offering's columns ranking reads, the same on `offering` and on the projection `offering_match` (alias `o`). */
const OFFERING_SCORING_COLUMNS = `
  o.use_cases AS "useCases", o.sectors,
  o.service_national AS "serviceNational", o.service_regions AS "serviceRegions",
  o.service_departements AS "serviceDepartements", o.remote_delivery AS "remoteDelivery",
  o.min_budget_eur AS "minBudgetEur", o.max_budget_eur AS "maxBudgetEur", o.target_buyer_types AS "targetBuyerTypes",
  o.sovereignty_score AS "sovereigntyScore", o.sovereignty_grade AS "sovereigntyGrade", o.grade_verified AS "gradeVerified"`;

/** A `CandidateRow`: display and every eligibility column, from `offering o JOIN organisation org`. */
const CANDIDATE_COLUMNS = `
  o.id, o.title, o.summary, o.status, ${OFFERING_SCORING_COLUMNS},
  o.data_residency AS "dataResidency", o.provider_jurisdiction AS "providerJurisdiction", o.hq_jurisdiction AS "hqJurisdiction",
  o.non_eu_remote_access AS "nonEuRemoteAccess", o.sec_num_cloud AS "secNumCloud", o.hds, o.iso27001,
  o.model_origin AS "modelOrigin", o.model_licence AS "modelLicence", o.inference_hosting AS "inferenceHosting",
  o.training_on_customer_data AS "trainingOnCustomerData", o.dpa_art28 AS "dpaArt28", o.non_eu_transfers AS "nonEuTransfers",
  o.extraterritorial_exposure AS "extraterritorialExposure", o.non_eu_control AS "nonEuControl",
  o.deployment_modes AS "deploymentModes", o.ai_act_risk_class AS "aiActRiskClass", o.data_export_open_format AS "dataExportOpenFormat",
  org.id AS "vendorId", org.name AS "vendorName", (org.verified_at IS NOT NULL) AS "vendorVerified",
  ${VENDOR_SITES}`;

/** A `ScoringRow` from `offering o JOIN organisation org`. */
const SCORING_COLUMNS = `o.id, ${OFFERING_SCORING_COLUMNS},
  ${VENDOR_SITES}`;

/** A `ScoringRow` from the matching projection `offering_match o`, which folds the vendor's sites in (decision 012). */
const PROJECTED_SCORING_COLUMNS = `o.offering_id AS id, ${OFFERING_SCORING_COLUMNS},
  o.vendor_commune_code AS "vendorCommuneCode", o.vendor_establishment_communes AS "vendorEstablishmentCommunes"`;

/** Collects positional parameters while a query is assembled. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Every query of matching: candidates, exclusions, leads, market depth and the weights row. */
@Injectable()
export class MatchingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * DESIGN §5.1 in SQL: published offerings of verified vendors meeting every hard requirement,
   * the minimum grade, the service area and the budget. The same rules `exclusions()` re-checks.
   */
  private eligibleWhere(need: RetrievalNeed, p: Params, on: 'offering' | 'projection' = 'offering'): string[] {
    // The projection holds only published offerings of verified vendors.
    const where = on === 'offering' ? ["o.status = 'published'", 'org.verified_at IS NOT NULL'] : [];
    where.push(requirementsSql(need.requirements));
    if (need.minGrade) where.push(`o.sovereignty_grade <= ${p.add(need.minGrade)}`);
    const area = [
      'o.service_national',
      `o.service_departements @> ARRAY[${p.add(need.departementCode ?? '')}]::text[]`,
      `o.service_regions @> ARRAY[${p.add(need.regionCode ?? '')}]::text[]`,
    ];
    if (need.acceptsRemote) area.push('o.remote_delivery');
    where.push(`(${area.join(' OR ')})`);
    if (need.budgetMaxEur !== null) where.push(`(o.min_budget_eur IS NULL OR o.min_budget_eur <= ${p.add(need.budgetMaxEur)})`);
    if (need.budgetMinEur !== null) where.push(`(o.max_budget_eur IS NULL OR o.max_budget_eur >= ${p.add(need.budgetMinEur)})`);
    return where;
  }

  /**
   * Eligible offerings sharing a use case with the need, or among `textIds` (the search index's
   * best for its text): only the columns ranking reads, since every candidate is scored.
   */
  async findCandidates(need: RetrievalNeed, textIds: readonly string[]): Promise<ScoringRow[]> {
    const p = new Params();
    const where = this.eligibleWhere(need, p);
    const retrieval = [`o.use_cases && ${p.add(need.useCases)}::text[]`];
    if (textIds.length > 0) retrieval.push(`o.id = ANY(${p.add(textIds)}::uuid[])`);
    where.push(`(${retrieval.join(' OR ')})`);
    return this.dataSource.query(
      `SELECT ${SCORING_COLUMNS} FROM offering o JOIN organisation org ON org.id = o.vendor_id WHERE ${where.join(' AND ')}`,
      p.values,
    ) as Promise<ScoringRow[]>;
  }

  /**
   * The bounded twin of `findCandidates` for the use-case side (decision 010), on the matching
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
    const where = this.eligibleWhere(need, p, 'projection');
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

  /** Eligible offerings among `ids` sharing NO use case with the need: what text retrieval adds to `findTopCandidates`. */
  async findTextOnlyCandidates(need: RetrievalNeed, ids: readonly string[]): Promise<ScoringRow[]> {
    if (ids.length === 0) return [];
    const p = new Params();
    const where = this.eligibleWhere(need, p);
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
    const where = this.eligibleWhere(need, p);
    if (need.useCases.length > 0) where.push(`o.use_cases && ${p.add(need.useCases)}::text[]`);
    return this.dataSource.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM offering o JOIN organisation org ON org.id = o.vendor_id WHERE ${where.join(' AND ')}`,
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

  /** The buyer type of a need's organisation, for the fit criterion. */
  async buyerTypeOf(organisationId: string): Promise<string | null> {
    const rows = (await this.dataSource.query('SELECT buyer_type FROM organisation WHERE id = $1', [organisationId])) as { buyer_type: string | null }[];
    return rows[0]?.buyer_type ?? null;
  }

  /** Published needs the offering may serve, by the reverse of each eligibility rule; no buyer identity read. */
  async findLeadNeeds(offering: LeadOffering, limit: number): Promise<LeadNeedRow[]> {
    const p = new Params();
    const where = [
      "n.status = 'published'",
      `n.use_cases && ${p.add(offering.useCases)}::text[]`,
      `n.requirements <@ ${p.add(offering.requirementsMet)}::text[]`,
      `(n.min_sovereignty_grade IS NULL OR n.min_sovereignty_grade >= ${p.add(offering.grade)})`,
    ];
    const area = [
      `n.departement_code = ANY(${p.add(offering.serviceDepartements)}::text[])`,
      `n.region_code = ANY(${p.add(offering.serviceRegions)}::text[])`,
    ];
    if (offering.serviceNational) area.push('TRUE');
    if (offering.remoteDelivery) area.push('n.accepts_remote');
    where.push(`(${area.join(' OR ')})`);
    if (offering.minBudgetEur !== null) where.push(`(n.max_budget_eur IS NULL OR n.max_budget_eur >= ${p.add(offering.minBudgetEur)})`);
    if (offering.maxBudgetEur !== null) where.push(`(n.min_budget_eur IS NULL OR n.min_budget_eur <= ${p.add(offering.maxBudgetEur)})`);
    return this.dataSource.query(
      `SELECT n.id, n.title, n.description, n.use_cases AS "useCases", n.sector, n.commune_code AS "communeCode",
              n.departement_code AS "departementCode", n.region_code AS "regionCode", n.accepts_remote AS "acceptsRemote",
              n.requirements, n.min_sovereignty_grade AS "minSovereigntyGrade", n.min_budget_eur AS "minBudgetEur",
              n.max_budget_eur AS "maxBudgetEur", to_char(n.desired_start, 'YYYY-MM-DD') AS "desiredStart",
              org.buyer_type AS "buyerType", n.published_at AS "publishedAt"
         FROM need n JOIN organisation org ON org.id = n.organisation_id
        WHERE ${where.join(' AND ')}
        ORDER BY n.published_at DESC NULLS LAST, n.id LIMIT ${p.add(limit)}`,
      p.values,
    ) as Promise<LeadNeedRow[]>;
  }

  async currentWeights(manager?: EntityManager): Promise<StoredWeights | null> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      'SELECT weights, version, updated_at AS "updatedAt" FROM matching_weights WHERE id = 1',
    )) as StoredWeights[];
    return rows[0] ?? null;
  }

  /** Locks the row (when there is one) so two admins' changes serialise. */
  async lockWeights(manager: EntityManager): Promise<StoredWeights | null> {
    const rows = (await manager.query('SELECT weights, version, updated_at AS "updatedAt" FROM matching_weights WHERE id = 1 FOR UPDATE')) as StoredWeights[];
    return rows[0] ?? null;
  }

  async saveWeights(manager: EntityManager, weights: Weights, userId: string | null): Promise<StoredWeights> {
    const rows = (await manager.query(
      `INSERT INTO matching_weights (id, weights, version, updated_by, updated_at) VALUES (1, $1, 1, $2, now())
       ON CONFLICT (id) DO UPDATE SET weights = EXCLUDED.weights, version = matching_weights.version + 1,
         updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING weights, version, updated_at AS "updatedAt"`,
      [JSON.stringify(weights), userId],
    )) as StoredWeights[];
    return rows[0];
  }
}
