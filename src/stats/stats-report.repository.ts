import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MonthCount } from './period-report.js';
import { inPeriod, type KeyCount, type Period } from './stats.repository.js';

const month = (column: string): string => `to_char(${column} AT TIME ZONE 'Europe/Paris', 'YYYY-MM')`;

/** Each event of the report on its own date: a need received in March and won in May counts in both months. */
const EVENTS: readonly { kind: MonthCount['kind']; table: string; column: string; where?: string }[] = [
  { kind: 'needsCreated', table: 'need', column: 'created_at' },
  { kind: 'needsSubmitted', table: 'need', column: 'submitted_at' },
  { kind: 'needsPublished', table: 'need', column: 'published_at' },
  { kind: 'introductionsProposed', table: 'introduction', column: 'proposed_at' },
  { kind: 'introductionsConnected', table: 'introduction', column: 'connected_at' },
  { kind: 'meetingsHeld', table: 'introduction', column: 'meeting_held_at' },
  { kind: 'won', table: 'introduction', column: 'outcome_at', where: "outcome = 'won'" },
  { kind: 'lost', table: 'introduction', column: 'outcome_at', where: "outcome = 'lost'" },
];

export interface SurveyCounts {
  sent: number;
  answered: number;
  confirmedInUse: number;
}

/** The period report's counts (issue 24, decision 033); every query takes the period as $1 and $2. */
@Injectable()
export class StatsReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async eventsByMonth(period: Period): Promise<MonthCount[]> {
    const union = EVENTS.map(
      (e) =>
        `SELECT '${e.kind}' AS kind, ${month(e.column)} AS month FROM ${e.table}
          WHERE ${e.column} IS NOT NULL AND ${e.where ?? 'true'} AND ${inPeriod(e.column)}`,
    ).join('\n UNION ALL ');
    return (await this.dataSource.query(
      `SELECT kind, month, count(*)::int AS count FROM (${union}) AS e GROUP BY kind, month ORDER BY month, kind`,
      [period.from, period.to],
    )) as MonthCount[];
  }

  /** Needs received (submitted) in the period, by their région. */
  async needsReceivedByRegion(period: Period): Promise<KeyCount[]> {
    return (await this.dataSource.query(
      `SELECT region_code AS key, count(*)::int AS count FROM need
        WHERE region_code IS NOT NULL AND submitted_at IS NOT NULL AND ${inPeriod('submitted_at')}
        GROUP BY region_code ORDER BY key`,
      [period.from, period.to],
    )) as KeyCount[];
  }

  /** Surveys sent and answered in the period (decision 033). */
  async surveys(period: Period): Promise<SurveyCounts> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM introduction WHERE survey_sent_at IS NOT NULL AND ${inPeriod('survey_sent_at')})::int AS sent,
              count(*)::int AS answered, count(*) FILTER (WHERE in_use)::int AS "confirmedInUse"
         FROM outcome_survey WHERE ${inPeriod('answered_at')}`,
      [period.from, period.to],
    )) as SurveyCounts[];
    return row;
  }
}
