import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEAL_VALUE_BAND_KEYS, DEAL_VALUE_BANDS } from '../introductions/deal-outcome.js';
import { confirmedSiteCommunes } from '../organisations/establishment-sql.js';
import type { WonDeal } from './deal-values.js';
import type { SourceRow } from './source-figures.js';
import type { WonNeed } from './stats-figures.js';

/** Calendar days in Paris, both included; null leaves that end open. */
export interface Period {
  from: string | null;
  to: string | null;
}

/** `column` within the period whose days are parameters $1 and $2. */
export const inPeriod = (column: string): string =>
  `($1::date IS NULL OR ${column} >= ($1::date::timestamp AT TIME ZONE 'Europe/Paris'))
   AND ($2::date IS NULL OR ${column} < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Paris'))`;

export interface KeyCount {
  key: string;
  count: number;
}

export interface IntroductionStepCounts {
  proposed: number;
  vendorAccepted: number;
  buyerAccepted: number;
  connected: number;
  meetingHeld: number;
  won: number;
  lost: number;
  vendorDeclined: number;
  buyerDeclined: number;
  cancelled: number;
}

/** The SQL twin of dealValueEur(): the exact amount, else the band's counted value (decision 026). */
const DEAL_VALUE_SQL = `coalesce(i.deal_amount_eur, CASE i.deal_value_band ${DEAL_VALUE_BAND_KEYS.map(
  (k) => `WHEN '${k}' THEN ${DEAL_VALUE_BANDS[k].counted}`,
).join(' ')} END)`;

/** The figures' filters (issue 24): a period of Paris days (either end open) and the needs' source (null for all). */
export interface Scope extends Period {
  source: string | null;
}

/** The needs of the source in $3, or all of them when it is null. */
export const OF_SOURCE = '($3::text IS NULL OR n.source = $3)';
/** Needs created in the scope's period, of its source. */
const NEED_COHORT = `${inPeriod('n.created_at')} AND ${OF_SOURCE}`;
/** Introductions proposed in the scope's period, on needs of its source. */
const PROPOSED_IN_SCOPE = `${inPeriod('i.proposed_at')} AND ${OF_SOURCE}`;
const INTRODUCTION_COHORT = `introduction i JOIN need n ON n.id = i.need_id WHERE ${PROPOSED_IN_SCOPE}`;

/** Aggregates for curators; every query counts in SQL and returns plain rows. */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `sql` with the scope as $1 (from), $2 (to) and $3 (the needs' source). */
  private async scoped<T>(sql: string, scope: Scope): Promise<T[]> {
    return (await this.dataSource.query(sql, [scope.from, scope.to, scope.source])) as T[];
  }

  /** Needs created in the scope's period (drafts included), of its source. */
  needsByStatus(scope: Scope): Promise<KeyCount[]> {
    return this.scoped(
      `SELECT n.status AS key, count(*)::int AS count FROM need n WHERE ${NEED_COHORT} GROUP BY n.status ORDER BY count DESC, key`,
      scope,
    );
  }

  /** Needs still in draft have no place yet: counted under no région. */
  needsByRegion(scope: Scope): Promise<KeyCount[]> {
    return this.scoped(
      `SELECT n.region_code AS key, count(*)::int AS count FROM need n
        WHERE n.region_code IS NOT NULL AND n.status <> 'draft' AND ${NEED_COHORT}
        GROUP BY n.region_code ORDER BY count DESC, key`,
      scope,
    );
  }

  needsByUseCase(scope: Scope): Promise<KeyCount[]> {
    return this.scoped(
      `SELECT uc AS key, count(*)::int AS count FROM need n, unnest(n.use_cases) AS uc
        WHERE n.status <> 'draft' AND ${NEED_COHORT} GROUP BY uc ORDER BY count DESC, key`,
      scope,
    );
  }

  introductionsByStatus(scope: Scope): Promise<KeyCount[]> {
    return this.scoped(
      `SELECT i.status AS key, count(*)::int AS count FROM ${INTRODUCTION_COHORT} GROUP BY i.status ORDER BY count DESC, key`,
      scope,
    );
  }

  /** Each introduction proposed in the scope counts in every step it reached, read from its per-step timestamps. */
  async introductionSteps(scope: Scope): Promise<IntroductionStepCounts> {
    const [row] = await this.scoped<IntroductionStepCounts>(
      `SELECT count(*)::int AS "proposed",
              count(i.vendor_accepted_at)::int AS "vendorAccepted",
              count(i.buyer_accepted_at)::int AS "buyerAccepted",
              count(i.connected_at)::int AS "connected",
              count(i.meeting_held_at)::int AS "meetingHeld",
              count(*) FILTER (WHERE i.outcome = 'won')::int AS "won",
              count(*) FILTER (WHERE i.outcome = 'lost')::int AS "lost",
              count(*) FILTER (WHERE i.status = 'vendor_declined')::int AS "vendorDeclined",
              count(*) FILTER (WHERE i.status = 'buyer_declined')::int AS "buyerDeclined",
              count(*) FILTER (WHERE i.status = 'cancelled')::int AS "cancelled"
         FROM ${INTRODUCTION_COHORT}`,
      scope,
    );
    return row;
  }

  declineReasons(scope: Scope): Promise<KeyCount[]> {
    return this.scoped(
      `SELECT i.decline_reason AS key, count(*)::int AS count FROM ${INTRODUCTION_COHORT} AND i.decline_reason IS NOT NULL
        GROUP BY i.decline_reason ORDER BY count DESC, key`,
      scope,
    );
  }

  /** Won introductions proposed in the scope, with the need's place and every site of the vendor that counts (head office and confirmed establishments, decision 022). */
  async wonNeeds(scope: Scope): Promise<WonNeed[]> {
    return this.scoped<WonNeed>(
      `SELECT n.id AS "needId", n.departement_code AS "needDepartementCode", n.region_code AS "needRegionCode",
             array_remove(array_cat(ARRAY[o.commune_code::text], ${confirmedSiteCommunes('o')}), NULL) AS "vendorCommuneCodes",
             (f.hq_jurisdiction = 'FR' AND f.non_eu_control = 'NONE') IS TRUE AS "frenchControlled",
             f.sovereignty_grade AS "offeringGrade"
        FROM introduction i
        JOIN need n ON n.id = i.need_id
        JOIN organisation o ON o.id = i.vendor_organisation_id
        JOIN offering f ON f.id = i.offering_id
       WHERE i.outcome = 'won' AND ${PROPOSED_IN_SCOPE}
       ORDER BY n.id`,
      scope,
    );
  }

  /** Won introductions whose outcome was recorded in the period (on needs of `source` when given), with what the value figures read. */
  async wonDeals(period: Period, source: string | null = null): Promise<WonDeal[]> {
    return (await this.dataSource.query(
      `SELECT i.id AS "introductionId", n.departement_code AS "needDepartementCode", n.region_code AS "needRegionCode",
              array_remove(array_cat(ARRAY[o.commune_code::text], ${confirmedSiteCommunes('o')}), NULL) AS "vendorCommuneCodes",
              (f.hq_jurisdiction = 'FR' AND f.non_eu_control = 'NONE') IS TRUE AS "frenchControlled",
              f.sovereignty_grade AS "offeringGrade", i.deal_value_band AS "dealValueBand", i.deal_amount_eur AS "dealAmountEur"
         FROM introduction i
         JOIN need n ON n.id = i.need_id
         JOIN organisation o ON o.id = i.vendor_organisation_id
         JOIN offering f ON f.id = i.offering_id
        WHERE i.outcome = 'won' AND ${inPeriod('i.outcome_at')} AND ${OF_SOURCE}
        ORDER BY i.outcome_at, i.id`,
      [period.from, period.to, source],
    )) as WonDeal[];
  }

  /** Seconds from publication to the first introduction, one value per need created in the scope that has one. */
  async secondsToFirstIntroduction(scope: Scope): Promise<number[]> {
    const rows = await this.scoped<{ seconds: number }>(
      `SELECT extract(epoch FROM min(i.proposed_at) - n.published_at)::float AS seconds
         FROM need n JOIN introduction i ON i.need_id = n.id
        WHERE n.published_at IS NOT NULL AND ${NEED_COHORT}
        GROUP BY n.id, n.published_at`,
      scope,
    );
    return rows.map((r) => Math.max(0, r.seconds));
  }

  /** Needs created in the period (drafts included) by source and partner, with their introductions and wins (issue 20). */
  async needsBySourceAndPartner(period: Period): Promise<SourceRow[]> {
    return (await this.dataSource.query(
      `SELECT n.source, n.partner_id AS "partnerId", p.name AS "partnerName", p.kind AS "partnerKind",
              count(DISTINCT n.id)::int AS needs,
              count(DISTINCT n.id) FILTER (WHERE n.submitted_at IS NOT NULL)::int AS submitted,
              count(DISTINCT n.id) FILTER (WHERE n.published_at IS NOT NULL)::int AS published,
              count(i.id)::int AS introductions,
              count(i.id) FILTER (WHERE i.outcome = 'won')::int AS won
         FROM need n
         LEFT JOIN partner p ON p.id = n.partner_id
         LEFT JOIN introduction i ON i.need_id = n.id
        WHERE ${inPeriod('n.created_at')}
        GROUP BY n.source, n.partner_id, p.name, p.kind`,
      [period.from, period.to],
    )) as SourceRow[];
  }

  /**
   * One row per need past draft created in the period, for the CSV export: no person, no contact.
   * Won deals' values are summed as the value figures count them (exact amount, else band value).
   */
  async exportRows(scope: Scope): Promise<Record<string, unknown>[]> {
    return this.scoped<Record<string, unknown>>(
      `
      SELECT n.id, n.status, n.title, n.use_cases AS "useCases", n.sector, n.departement_code AS "departementCode",
             n.region_code AS "regionCode", o.buyer_type AS "buyerType", n.min_budget_eur AS "minBudgetEur",
             n.max_budget_eur AS "maxBudgetEur", n.data_sensitivity AS "dataSensitivity", n.requirements,
             n.created_at AS "createdAt", n.submitted_at AS "submittedAt", n.published_at AS "publishedAt",
             n.closed_at AS "closedAt", n.close_outcome AS "closeOutcome",
             count(i.id)::int AS introductions,
             count(i.connected_at)::int AS connected,
             count(*) FILTER (WHERE i.outcome = 'won')::int AS won,
             min(i.proposed_at) AS "firstIntroductionAt",
             sum(${DEAL_VALUE_SQL}) FILTER (WHERE i.outcome = 'won') AS "wonValueEur",
             array_remove(array_agg(i.deal_value_band ORDER BY i.outcome_at) FILTER (WHERE i.outcome = 'won'), NULL) AS "dealValueBands",
             to_char(min(i.deal_start_date) FILTER (WHERE i.outcome = 'won'), 'YYYY-MM-DD') AS "firstDealStart",
             array_remove(array_agg(i.lost_reason ORDER BY i.outcome_at) FILTER (WHERE i.outcome = 'lost'), NULL) AS "lostReasons",
             n.source, p.name AS "partnerName"
        FROM need n
        JOIN organisation o ON o.id = n.organisation_id
        LEFT JOIN partner p ON p.id = n.partner_id
        LEFT JOIN introduction i ON i.need_id = n.id
       WHERE n.status <> 'draft' AND ${NEED_COHORT}
       GROUP BY n.id, o.buyer_type, p.name
       ORDER BY n.created_at, n.id`,
      scope,
    );
  }
}
