import { ApiProperty } from '@nestjs/swagger';

import { NEED_SOURCES, type NeedSource } from '../../needs/need.entity.js';
import { SourceGroupDto } from './stats-sources.dto.js';
import { SourceFilter } from './stats-scope.dto.js';
import { StatsPeriodDto, StatsValuesDto } from './stats-values.dto.js';
import { IsCalendarDate } from '../../common/validation/dates.js';

/** `?from=&to=`: the report's period, both required (Paris days, both included, at most five years). */
export class StatsReportQueryDto {
  @ApiProperty({ example: '2026-10-01', description: 'First day included (YYYY-MM-DD, Paris time).' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    example: '2026-12-31',
    description: 'Last day included (YYYY-MM-DD, Paris time); not before from, at most five years after.',
  })
  @IsCalendarDate()
  to!: string;

  @SourceFilter()
  source?: NeedSource;
}

/** What happened in the period, each event on its own date. */
export class ReportActivityDto {
  @ApiProperty({ example: 14, description: 'Needs created (drafts included, a partner’s unclaimed drafts too).' })
  needsCreated!: number;

  @ApiProperty({ example: 11, description: 'Needs received: submitted by their buyer.' })
  needsSubmitted!: number;

  @ApiProperty({ example: 9 })
  needsPublished!: number;

  @ApiProperty({ example: 20, description: 'Introductions made (proposed by a curator).' })
  introductionsProposed!: number;

  @ApiProperty({ example: 12, description: 'Introductions accepted by both sides (contacts exchanged).' })
  introductionsConnected!: number;

  @ApiProperty({ example: 8 })
  meetingsHeld!: number;

  @ApiProperty({ example: 3 })
  won!: number;

  @ApiProperty({ example: 2 })
  lost!: number;
}

export class ReportMonthDto {
  @ApiProperty({ example: '2026-11', description: 'Paris calendar month.' })
  month!: string;

  @ApiProperty({ example: 4, description: 'Needs received (submitted).' })
  needs!: number;

  @ApiProperty({ example: 3 })
  published!: number;

  @ApiProperty({ example: 6 })
  introductions!: number;

  @ApiProperty({ example: 1 })
  won!: number;
}

export class ReportRegionDto {
  @ApiProperty({ example: '93' })
  regionCode!: string;

  @ApiProperty({ example: 'Provence-Alpes-Côte d’Azur' })
  label!: string;

  @ApiProperty({ example: 5, description: 'Needs received (submitted) in the period from this région.' })
  needs!: number;

  @ApiProperty({ example: 2, description: 'Introductions won in the period on needs from this région.' })
  won!: number;

  @ApiProperty({ example: 1, description: 'Of those, won by a vendor with a site in the need’s département or région.' })
  wonLocally!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.5, description: 'wonLocally / won; null without a win.' })
  shareWonLocally!: number | null;

  @ApiProperty({ example: 45000, description: 'Euros excl. VAT of those wins (exact amounts, else band values).' })
  wonValueEur!: number;
}

export class ReportDepartementDto {
  @ApiProperty({ example: '13' })
  departementCode!: string;

  @ApiProperty({ example: 'Bouches-du-Rhône' })
  label!: string;

  @ApiProperty({ example: '93', description: 'The région the département belongs to.' })
  regionCode!: string;

  @ApiProperty({ example: 3, description: 'Needs received (submitted) in the period from this département.' })
  needs!: number;

  @ApiProperty({ example: 1, description: 'Introductions won in the period on needs from this département.' })
  won!: number;

  @ApiProperty({ example: 1, description: 'Of those, won by a vendor with a site in the need’s département or région.' })
  wonLocally!: number;

  @ApiProperty({ type: Number, nullable: true, example: 1, description: 'wonLocally / won; null without a win.' })
  shareWonLocally!: number | null;

  @ApiProperty({ example: 18000, description: 'Euros excl. VAT of those wins (exact amounts, else band values).' })
  wonValueEur!: number;
}

export class ReportSurveysDto {
  @ApiProperty({ example: 4, description: 'Three-month surveys sent in the period.' })
  sent!: number;

  @ApiProperty({ example: 3, description: 'Surveys answered in the period.' })
  answered!: number;

  @ApiProperty({ example: 2, description: 'Of those, buyers confirming the solution is in use.' })
  confirmedInUse!: number;
}

/** The ambassador's period report (issue 24, decision 033): the same figures as the indicators page, for one period. */
export class StatsReportDto {
  @ApiProperty({ type: StatsPeriodDto })
  period!: StatsPeriodDto;

  @ApiProperty({
    enum: NEED_SOURCES,
    nullable: true,
    example: null,
    description: 'The needs’ source the report is limited to; null for all.',
  })
  source!: NeedSource | null;

  @ApiProperty({ type: ReportActivityDto })
  activity!: ReportActivityDto;

  @ApiProperty({ type: [ReportMonthDto], description: 'Every month of the period, zeros included.' })
  byMonth!: ReportMonthDto[];

  @ApiProperty({ type: [ReportRegionDto], description: 'Every région, zeros included, in code order.' })
  byRegion!: ReportRegionDto[];

  @ApiProperty({
    type: [ReportDepartementDto],
    description: 'Every département (overseas ones included), zeros included, in code order.',
  })
  byDepartement!: ReportDepartementDto[];

  @ApiProperty({ type: [SourceGroupDto], description: 'Needs created in the period by source, with their introductions and wins.' })
  bySource!: SourceGroupDto[];

  @ApiProperty({ type: StatsValuesDto, description: 'Won deal values of the period (GET /stats/values).' })
  values!: StatsValuesDto;

  @ApiProperty({ type: ReportSurveysDto })
  surveys!: ReportSurveysDto;
}
