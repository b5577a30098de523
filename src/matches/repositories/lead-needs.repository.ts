import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HardRequirement } from '../../sovereignty/hard-requirements.js';
import type { SovereigntyGrade } from '../../sovereignty/sovereignty-score.js';
import { Params } from './offering-sql.js';

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
  budgetFirm: boolean;
  reach: string | null;
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

const LEAD_NEED_COLUMNS = `n.id, n.title, n.description, n.use_cases AS "useCases", n.sector, n.commune_code AS "communeCode",
              n.departement_code AS "departementCode", n.region_code AS "regionCode", n.accepts_remote AS "acceptsRemote",
              n.requirements, n.min_sovereignty_grade AS "minSovereigntyGrade", n.min_budget_eur AS "minBudgetEur",
              n.max_budget_eur AS "maxBudgetEur", n.budget_firm AS "budgetFirm", n.reach, to_char(n.desired_start, 'YYYY-MM-DD') AS "desiredStart",
              org.buyer_type AS "buyerType", n.published_at AS "publishedAt"`;

/** The reverse view's reads (DESIGN §5.6): published needs with their buyer's type, never its identity. */
@Injectable()
export class LeadNeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** These needs as leads show them, whatever their status (the stored leads' needs). */
  async findByIds(ids: readonly string[]): Promise<LeadNeedRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT ${LEAD_NEED_COLUMNS} FROM need n JOIN organisation org ON org.id = n.organisation_id WHERE n.id = ANY($1::uuid[])`,
      [ids],
    ) as Promise<LeadNeedRow[]>;
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
    // Only a firm budget excludes (issue 26); the reach is checked by the core on the vendor's sites.
    if (offering.minBudgetEur !== null)
      where.push(`(NOT n.budget_firm OR n.max_budget_eur IS NULL OR n.max_budget_eur >= ${p.add(offering.minBudgetEur)})`);
    if (offering.maxBudgetEur !== null)
      where.push(`(NOT n.budget_firm OR n.min_budget_eur IS NULL OR n.min_budget_eur <= ${p.add(offering.maxBudgetEur)})`);
    return this.dataSource.query(
      `SELECT ${LEAD_NEED_COLUMNS}
         FROM need n JOIN organisation org ON org.id = n.organisation_id
        WHERE ${where.join(' AND ')}
        ORDER BY n.published_at DESC NULLS LAST, n.id LIMIT ${p.add(limit)}`,
      p.values,
    ) as Promise<LeadNeedRow[]>;
  }
}
