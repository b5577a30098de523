import { Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { CommonErrors } from '../../common/errors/common.errors.js';
import { StatsExportQueryDto } from '../../stats/dto/export-query.dto.js';
import { StatsPeriodQueryDto } from '../../stats/dto/stats-period.dto.js';
import { SOURCE_LABELS, StatsService } from '../../stats/stats.service.js';
import { NEED_SOURCES, type NeedSource } from '../../needs/need.entity.js';
import { LeadStatsService } from '../../lead-alerts/lead-stats.service.js';
import { StatsReportService } from '../../stats/stats-report.service.js';
import type { StatsReportDto } from '../../stats/dto/stats-report.dto.js';
import { MAX_REPORT_DAYS, daysBetween } from '../../stats/period-report.js';
import { monthChart, monthLabel, reportPeriodOf } from './report-charts.js';
import { departementMap, MAP_CREDIT } from './departement-map.js';
import { checkWith } from '../shared/form-input.js';
import { DECLINE_REASON_LABELS } from '../../introductions/introduction.labels.js';
import { duration, FUNNEL_STEP_LABELS, share } from './curation.labels.js';
import { WebViews } from '../shared/views.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';

/**
 * Indicators for curators (GET /stats/overview and /stats/funnel) drawn in HTML and inline SVG,
 * and the CSV export of GET /stats/export.csv on the cookie session.
 */
@ConsoleController('app/curation/indicateurs')
export class WebCurationStatsController {
  constructor(
    private readonly views: WebViews,
    private readonly stats: StatsService,
    private readonly leadStats: LeadStatsService,
    private readonly reports: StatsReportService,
  ) {}

  @Get()
  @Roles('curator', 'admin')
  async page(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Query() raw: Record<string, unknown>,
  ): Promise<void> {
    const { period, periodMessage } = await readPeriod(raw);
    const source = sourceOf(raw);
    const scope = { ...period, source };
    const [overview, funnel, values, leads, report] = await Promise.all([
      this.stats.overview(caller, scope),
      this.stats.funnel(caller, scope),
      this.stats.values(caller, scope),
      this.leadStats.figures(caller, { from: period.from, to: period.to, source }),
      this.reports.build(caller, { ...reportPeriod(period), source }),
    ]);
    const query = new URLSearchParams(Object.entries(scope).filter((e): e is [string, string] => typeof e[1] === 'string'));
    this.views.send(reply, request, 'curation/indicators', 'Indicateurs', {
      overview,
      funnel,
      values,
      leads,
      period,
      periodMessage,
      periodQuery: query.size ? `&${query.toString()}` : '',
      stepLabels: FUNNEL_STEP_LABELS,
      declineReasons: DECLINE_REASON_LABELS,
      share,
      duration,
      ...reportView(report),
    });
  }

  /** The period report as a printable page (the same charts and tables as the indicators). */
  @Get('bilan')
  @Roles('curator', 'admin')
  async report(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Query() raw: Record<string, unknown>,
  ): Promise<void> {
    const { period } = await readPeriod(raw);
    const report = await this.reports.build(caller, { ...reportPeriod(period), source: sourceOf(raw) });
    this.views.send(reply, request, 'curation/report', 'Bilan de Circuit IA', {
      ...reportView(report),
      print: true,
      share,
      generatedAt: new Date(),
    });
  }

  @Get('bilan.csv')
  @Roles('curator', 'admin')
  async reportCsv(@Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>): Promise<void> {
    const { period } = await readPeriod(raw);
    sendCsv(reply, 'circuit-ia-bilan.csv', await this.reports.csv(caller, { ...reportPeriod(period), source: sourceOf(raw) }));
  }

  @Get('pistes.csv')
  @Roles('curator', 'admin')
  async leadsCsv(@Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>): Promise<void> {
    const csv = await leadsCsv(this.leadStats, caller, raw);
    sendCsv(reply, 'circuit-ia-pistes.csv', csv);
  }

  @Get('export.csv')
  @Roles('curator', 'admin')
  async exportCsv(@Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>): Promise<void> {
    const plain: Record<string, unknown> = {};
    if (raw.columns !== undefined) plain.columns = raw.columns;
    if (raw.separator !== undefined) plain.separator = raw.separator;
    if (raw.from) plain.from = raw.from;
    if (raw.to) plain.to = raw.to;
    if (raw.source) plain.source = raw.source;
    const checked = await checkWith(StatsExportQueryDto, plain);
    if (!checked.value) throw CommonErrors.VALIDATION_FAILED('Unknown export columns, separator or source, or a malformed date.');
    const csv = await this.stats.exportCsv(caller, checked.value);
    sendCsv(reply, 'circuit-ia-besoins.csv', csv);
  }
}

/** A CSV download, never cached (it holds the platform's figures). */
function sendCsv(reply: FastifyReply, filename: string, csv: string): void {
  void reply
    .status(200)
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(csv);
}

/** The lead alerts' CSV of GET /stats/leads/export.csv on the cookie session, for the same period. */
async function leadsCsv(leadStats: LeadStatsService, caller: Caller, raw: Record<string, unknown>): Promise<string> {
  const { period, periodMessage } = await readPeriod(raw);
  if (periodMessage) throw CommonErrors.VALIDATION_FAILED('A malformed date.');
  return leadStats.csv(caller, { from: period.from, to: period.to, source: sourceOf(raw) });
}

/** The indicators' period from the address (`?from=&to=`); a wrong one is said and left out. */
async function readPeriod(raw: Record<string, unknown>): Promise<{ period: StatsPeriodQueryDto; periodMessage: string | null }> {
  const plain = { from: raw.from || undefined, to: raw.to || undefined };
  const checked = await checkWith(StatsPeriodQueryDto, plain);
  if (!checked.value) return { period: {}, periodMessage: 'Les dates de la période ne sont pas valides (format attendu : 2026-01-31).' };
  const { from, to } = checked.value;
  if (from && to && to < from) return { period: {}, periodMessage: 'La fin de la période précède son début : période ignorée.' };
  return { period: { from, to }, periodMessage: null };
}

/** The report's period from the page's (both ends filled); a period over five years falls back to the last twelve months. */
function reportPeriod(period: StatsPeriodQueryDto): { from: string; to: string } {
  const asked = reportPeriodOf(period);
  return daysBetween(asked.from, asked.to) > MAX_REPORT_DAYS ? reportPeriodOf({}) : asked;
}

/** The report's source from the address (`?origine=`); anything else means every source. */
const sourceOf = (raw: Record<string, unknown>): NeedSource | undefined =>
  (NEED_SOURCES as readonly unknown[]).includes(raw.origine) ? (raw.origine as NeedSource) : undefined;

/** What the report's templates draw: the report, its charts' geometry, its period and source for the links. */
function reportView(report: StatsReportDto): Record<string, unknown> {
  const query: Record<string, string> = { from: report.period.from ?? '', to: report.period.to ?? '' };
  if (report.source) query.origine = report.source;
  return {
    report,
    monthChart: monthChart(report.byMonth),
    departementMap: departementMap(report.byDepartement, share),
    mapCredit: MAP_CREDIT,
    monthLabel,
    reportQuery: new URLSearchParams(query).toString(),
    sources: NEED_SOURCES.map((code) => ({ code, label: SOURCE_LABELS[code] ?? code })),
    sourceLabel: report.source ? (SOURCE_LABELS[report.source] ?? report.source) : null,
  };
}
