import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MonthCount } from './period-report.js';
import { inPeriod, OF_SOURCE, type KeyCount, type Period } from './stats.repository.js';

const month = (column: string): string => `to_char(${column} AT TIME ZONE 'Europe/Paris', 'YYYY-MM')`;

const NEEDS = 'need n';
const INTRODUCTIONS = 'introduction i JOIN need n ON n.id = i.need_id';

/** Each event of the report on its own date: a need received in March and won in May counts in both months. */
const EVENTS: readonly { kind: MonthCount['kind']; from: string; column: string; where?: string }[] = [
  { kind: 'needsCreated', from: NEEDS, column: 'n.created_at' },
  { kind: 'needsSubmitted', from: NEEDS, column: 'n.submitted_at' },
  { kind: 'needsPublished', from: NEEDS, column: 'n.published_at' },
  { kind: 'introductionsProposed', from: INTRODUCTIONS, column: 'i.proposed_at' },
  { kind: 'introductionsConnected', from: INTRODUCTIONS, column: 'i.connected_at' },
  { kind: 'meetingsHeld', from: INTRODUCTIONS, column: 'i.meeting_held_at' },
  { kind: 'won', from: INTRODUCTIONS, column: 'i.outcome_at', where: "i.outcome = 'won'" },
  { kind: 'lost', from: INTRODUCTIONS, column: 'i.outcome_at', where: "i.outcome = 'lost'" },
];

export interface SurveyCounts {
  sent: number;
  answered: number;
  confirmedInUse: number;
}

/** The period report's counts (issue 24, decision 033); every query takes the period as $1 and $2, the needs' source as $3. */
@Injectable()
export class StatsReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async eventsByMonth(period: Period, source: string | null): Promise<MonthCount[]> {
    const union = EVENTS.map(
      (e) =>
        `SELECT '${e.kind}' AS kind, ${month(e.column)} AS month FROM ${e.from}
          WHERE ${e.column} IS NOT NULL AND ${e.where ?? 'true'} AND ${inPeriod(e.column)} AND ${OF_SOURCE}`,
    ).join('\n UNION ALL ');
    return (await this.dataSource.query(
      `SELECT kind, month, count(*)::int AS count FROM (${union}) AS e GROUP BY kind, month ORDER BY month, kind`,
      [period.from, period.to, source],
    )) as MonthCount[];
  }

  /** Needs received (submitted) in the period, by their région. */
  async needsReceivedByRegion(period: Period, source: string | null): Promise<KeyCount[]> {
    return this.needsReceivedBy('n.region_code', period, source);
  }

  /** Needs received (submitted) in the period, by their département. */
  async needsReceivedByDepartement(period: Period, source: string | null): Promise<KeyCount[]> {
    return this.needsReceivedBy('n.departement_code', period, source);
  }

  private async needsReceivedBy(column: string, period: Period, source: string | null): Promise<KeyCount[]> {
    return (await this.dataSource.query(
      `SELECT ${column} AS key, count(*)::int AS count FROM ${NEEDS}
        WHERE ${column} IS NOT NULL AND n.submitted_at IS NOT NULL AND ${inPeriod('n.submitted_at')} AND ${OF_SOURCE}
        GROUP BY ${column} ORDER BY key`,
      [period.from, period.to, source],
    )) as KeyCount[];
  }

  /** Surveys sent and answered in the period (decision 033). */
  async surveys(period: Period, source: string | null): Promise<SurveyCounts> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM ${INTRODUCTIONS}
                WHERE i.survey_sent_at IS NOT NULL AND ${inPeriod('i.survey_sent_at')} AND ${OF_SOURCE})::int AS sent,
              count(*)::int AS answered, count(*) FILTER (WHERE s.in_use)::int AS "confirmedInUse"
         FROM outcome_survey s JOIN ${INTRODUCTIONS} ON i.id = s.introduction_id
        WHERE ${inPeriod('s.answered_at')} AND ${OF_SOURCE}`,
      [period.from, period.to, source],
    )) as SurveyCounts[];
    return row;
  }
}
