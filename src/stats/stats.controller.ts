import { Controller, Get, Header, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { StatsExportQueryDto } from './dto/export-query.dto.js';
import { StatsPeriodQueryDto } from './dto/stats-period.dto.js';
import { StatsScopeQueryDto } from './dto/stats-scope.dto.js';
import { StatsValuesDto } from './dto/stats-values.dto.js';
import { StatsSourcesDto } from './dto/stats-sources.dto.js';
import { StatsFunnelDto, StatsOverviewDto } from './dto/stats.dto.js';
import { StatsService } from './stats.service.js';
import { StatsReportService } from './stats-report.service.js';
import { StatsReportDto, StatsReportQueryDto } from './dto/stats-report.dto.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('stats')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Vendors and buyers.' })
@Roles('curator', 'admin')
@ApiCommonErrorResponses()
@Controller('stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly reports: StatsReportService,
  ) {}

  @Get('overview')
  @ApiOperation({
    summary:
      'Needs by status, région and use case; introductions by status; outcomes and the share of won needs served locally. With `from`/`to` (Paris days), the needs created and the introductions proposed in that period, with every step they reached since; with `source`, only the needs of that source and their introductions.',
  })
  @ApiOkResponse({ type: StatsOverviewDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A malformed date, to before from, or an unknown source.' })
  overview(@CurrentCaller() caller: Caller, @Query() query: StatsScopeQueryDto): Promise<StatsOverviewDto> {
    return this.stats.overview(caller, query);
  }

  @Get('funnel')
  @ApiOperation({
    summary:
      'Introductions per step (proposed → connected → meeting held → won) with conversion rates, answers per side and decline reasons; `from`/`to` keep the introductions proposed in that period, `source` those on needs of that source.',
  })
  @ApiOkResponse({ type: StatsFunnelDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A malformed date, to before from, or an unknown source.' })
  funnel(@CurrentCaller() caller: Caller, @Query() query: StatsScopeQueryDto): Promise<StatsFunnelDto> {
    return this.stats.funnel(caller, query);
  }

  @Get('values')
  @ApiOperation({
    summary:
      'Won deal values of a period (outcome recorded from `from` to `to`, Paris days; `source` keeps the needs of that source): total and median, by vendor proximity, control and grade band, and the shares going to local, French and A–B vendors. A deal counts for its exact amount, else its band value (decision 026).',
  })
  @ApiOkResponse({ type: StatsValuesDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A malformed date, or to before from.' })
  values(@CurrentCaller() caller: Caller, @Query() query: StatsScopeQueryDto): Promise<StatsValuesDto> {
    return this.stats.values(caller, query);
  }

  @Get('sources')
  @ApiOperation({
    summary:
      'Needs created in the period (from/to, Paris days) by source (direct, partner, diagnostic, event, curator) and by partner: submitted, published, introductions and wins (issue 20).',
  })
  @ApiOkResponse({ type: StatsSourcesDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A malformed date, or to before from.' })
  sources(@CurrentCaller() caller: Caller, @Query() query: StatsPeriodQueryDto): Promise<StatsSourcesDto> {
    return this.stats.sources(caller, query);
  }

  @Get('export.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="circuit-ia-besoins.csv"')
  @ApiOperation({
    summary:
      'Needs past draft with their introductions and won deal values, as CSV (UTF-8 with BOM, RFC 4180), columns of your choice; `from`/`to` keep the needs created in that period, `source` the needs of that source.',
  })
  // Only the 200 is CSV: @ApiProduces would have made every error body text/csv too, and they are JSON.
  @ApiOkResponse({
    description: 'The CSV file.',
    content: { 'text/csv': { schema: { type: 'string', example: 'id,status,regionCode,won\r\n7c9e…,published,93,1\r\n' } } },
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  exportCsv(@CurrentCaller() caller: Caller, @Query() query: StatsExportQueryDto): Promise<string> {
    return this.stats.exportCsv(caller, query);
  }

  @Get('report')
  @ApiOperation({
    summary:
      'The period report (from and to required, Paris days, at most five years): needs received, introductions made, accepted and won, month by month, by région (with the share won locally) and by source, won deal values and the three-month surveys; `source` limits every figure to the needs of one source. The same as CSV at /stats/report.csv.',
  })
  @ApiOkResponse({ type: StatsReportDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A missing or malformed date, to before from, or a period over five years.' })
  report(@CurrentCaller() caller: Caller, @Query() query: StatsReportQueryDto): Promise<StatsReportDto> {
    return this.reports.build(caller, query);
  }

  @Get('report.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="circuit-ia-bilan.csv"')
  @ApiOperation({
    summary:
      'The period report as CSV (UTF-8 with BOM, RFC 4180), one figure per line: section, key, label, metric, value. Same query and checks as GET /stats/report.',
  })
  @ApiOkResponse({
    description: 'The CSV file.',
    content: {
      'text/csv': { schema: { type: 'string', example: 'section,key,label,metric,value\r\nactivity,won,Contrats signés,count,3\r\n' } },
    },
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  reportCsv(@CurrentCaller() caller: Caller, @Query() query: StatsReportQueryDto): Promise<string> {
    return this.reports.csv(caller, query);
  }
}
