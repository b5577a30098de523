import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { listDepartements, listRegions } from '../reference/geo/geography.js';
import type { ReportDepartementDto, StatsReportDto, StatsReportQueryDto } from './dto/stats-report.dto.js';
import type { WonDeal } from './deal-values.js';
import type { KeyCount } from './stats.repository.js';
import { activityOf, byArea, byMonth, byRegion, daysBetween, MAX_REPORT_DAYS } from './period-report.js';
import { reportCsv } from './report-csv.js';
import { StatsReportRepository } from './stats-report.repository.js';
import { StatsRepository } from './stats.repository.js';
import { periodOf, StatsService } from './stats.service.js';

/** The ambassador's period report (issue 24, decision 033): activity, months, régions, sources, values, surveys. */
@Injectable()
export class StatsReportService {
  constructor(
    private readonly stats: StatsService,
    private readonly figures: StatsRepository,
    private readonly report: StatsReportRepository,
  ) {}

  async build(caller: Caller, query: StatsReportQueryDto): Promise<StatsReportDto> {
    const period = periodOf(query);
    if (daysBetween(query.from, query.to) > MAX_REPORT_DAYS)
      throw CommonErrors.VALIDATION_FAILED(undefined, [{ field: 'to', messages: ['the period may not exceed five years'] }]);
    // values() and sources() check the caller's role before any query runs.
    const source = query.source ?? null;
    const [values, sources] = await Promise.all([this.stats.values(caller, query), this.stats.sources(caller, query)]);
    const [events, needsByRegion, needsByDepartement, deals, surveys] = await Promise.all([
      this.report.eventsByMonth(period, source),
      this.report.needsReceivedByRegion(period, source),
      this.report.needsReceivedByDepartement(period, source),
      this.figures.wonDeals(period, source),
      this.report.surveys(period, source),
    ]);
    const regions = listRegions();
    const names = new Map(regions.map((r) => [r.regionCode as string, r.name]));
    return {
      period,
      source,
      activity: activityOf(events),
      byMonth: byMonth(events, query.from, query.to),
      byRegion: byRegion(
        needsByRegion,
        deals,
        regions.map((r) => r.regionCode),
      ).map((g) => ({ ...g, label: names.get(g.regionCode) ?? g.regionCode })),
      byDepartement: byDepartement(needsByDepartement, deals),
      bySource: source ? sources.bySource.filter((s) => s.source === source) : sources.bySource,
      values,
      surveys,
    };
  }

  async csv(caller: Caller, query: StatsReportQueryDto): Promise<string> {
    return reportCsv(await this.build(caller, query));
  }
}

/** Every département of the reference data (overseas ones included), in code order, with its name and région. */
function byDepartement(needs: KeyCount[], deals: WonDeal[]): ReportDepartementDto[] {
  const departements = listDepartements();
  const figures = byArea(
    needs,
    deals,
    departements.map((d) => d.departementCode),
    (d) => d.needDepartementCode,
  );
  return figures.map(({ code, ...rest }, i) => ({
    departementCode: code,
    label: departements[i].name,
    regionCode: departements[i].regionCode,
    ...rest,
  }));
}
