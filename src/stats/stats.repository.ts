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

/** Aggregates for curators; every query counts in SQL and returns plain rows. */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async keyCounts(sql: string): Promise<KeyCount[]> {
    return (await this.dataSource.query(sql)) as KeyCount[];
  }

  needsByStatus(): Promise<KeyCount[]> {
    return this.keyCounts('SELECT status AS key, count(*)::int AS count FROM need GROUP BY status ORDER BY count DESC, key');
  }

  /** Needs still in draft have no place yet: counted under no région. */
  needsByRegion(): Promise<KeyCount[]> {
    return this.keyCounts(
      "SELECT region_code AS key, count(*)::int AS count FROM need WHERE region_code IS NOT NULL AND status <> 'draft' GROUP BY region_code ORDER BY count DESC, key",
    );
  }

  needsByUseCase(): Promise<KeyCount[]> {
    return this.keyCounts(
      "SELECT uc AS key, count(*)::int AS count FROM need, unnest(use_cases) AS uc WHERE status <> 'draft' GROUP BY uc ORDER BY count DESC, key",
    );
  }

  introductionsByStatus(): Promise<KeyCount[]> {
    return this.keyCounts('SELECT status AS key, count(*)::int AS count FROM introduction GROUP BY status ORDER BY count DESC, key');
  }

  /** Each introduction counts in every step it reached, read from its per-step timestamps. */
  async introductionSteps(): Promise<IntroductionStepCounts> {
    const [row] = (await this.dataSource.query(`
      SELECT count(*)::int AS "proposed",
             count(vendor_accepted_at)::int AS "vendorAccepted",
             count(buyer_accepted_at)::int AS "buyerAccepted",
             count(connected_at)::int AS "connected",
             count(meeting_held_at)::int AS "meetingHeld",
             count(*) FILTER (WHERE outcome = 'won')::int AS "won",
             count(*) FILTER (WHERE outcome = 'lost')::int AS "lost",
             count(*) FILTER (WHERE status = 'vendor_declined')::int AS "vendorDeclined",
             count(*) FILTER (WHERE status = 'buyer_declined')::int AS "buyerDeclined",
             count(*) FILTER (WHERE status = 'cancelled')::int AS "cancelled"
        FROM introduction`)) as IntroductionStepCounts[];
    return row;
  }

  declineReasons(): Promise<KeyCount[]> {
    return this.keyCounts(
      'SELECT decline_reason AS key, count(*)::int AS count FROM introduction WHERE decline_reason IS NOT NULL GROUP BY decline_reason ORDER BY count DESC, key',
    );
  }

  /** Won introductions with the need's place and every site of the vendor that counts (head office and confirmed establishments, decision 022). */
  async wonNeeds(): Promise<WonNeed[]> {
    return (await this.dataSource.query(`
      SELECT n.id AS "needId", n.departement_code AS "needDepartementCode", n.region_code AS "needRegionCode",
             array_remove(array_cat(ARRAY[o.commune_code::text], ${confirmedSiteCommunes('o')}), NULL) AS "vendorCommuneCodes",
             (f.hq_jurisdiction = 'FR' AND f.non_eu_control = 'NONE') IS TRUE AS "frenchControlled",
             f.sovereignty_grade AS "offeringGrade"
        FROM introduction i
        JOIN need n ON n.id = i.need_id
        JOIN organisation o ON o.id = i.vendor_organisation_id
        JOIN offering f ON f.id = i.offering_id
       WHERE i.outcome = 'won'
       ORDER BY n.id`)) as WonNeed[];
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
        WHERE i.outcome = 'won' AND ${inPeriod('i.outcome_at')} AND ($3::text IS NULL OR n.source = $3)
        ORDER BY i.outcome_at, i.id`,
      [period.from, period.to, source],
    )) as WonDeal[];
  }

  /** Seconds from publication to the first introduction, one value per need that has one. */
  async secondsToFirstIntroduction(): Promise<number[]> {
    const rows = (await this.dataSource.query(`
      SELECT extract(epoch FROM min(i.proposed_at) - n.published_at)::float AS seconds
        FROM need n JOIN introduction i ON i.need_id = n.id
       WHERE n.published_at IS NOT NULL
       GROUP BY n.id, n.published_at`)) as { seconds: number }[];
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
  async exportRows(period: Period): Promise<Record<string, unknown>[]> {
    return (await this.dataSource.query(
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
       WHERE n.status <> 'draft' AND ${inPeriod('n.created_at')}
       GROUP BY n.id, o.buyer_type, p.name
       ORDER BY n.created_at, n.id`,
      [period.from, period.to],
    )) as Record<string, unknown>[];
  }
}
