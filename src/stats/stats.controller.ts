import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { Roles } from '../auth/roles.decorator.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { StatsFunnelDto, StatsOverviewDto } from './dto/stats.dto.js';
import { StatsService } from './stats.service.js';

@ApiTags('stats')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Vendors and buyers.' })
@Roles('curator', 'admin')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overview')
  @ApiOperation({ summary: 'Needs by status, région and use case; introductions by status; outcomes and the share of won needs served locally.' })
  @ApiOkResponse({ type: StatsOverviewDto })
  overview(@CurrentCaller() caller: Caller): Promise<StatsOverviewDto> {
    return this.stats.overview(caller);
  }

  @Get('funnel')
  @ApiOperation({ summary: 'Introductions per step (proposed → connected → meeting held → won) with conversion rates, answers per side and decline reasons.' })
  @ApiOkResponse({ type: StatsFunnelDto })
  funnel(@CurrentCaller() caller: Caller): Promise<StatsFunnelDto> {
    return this.stats.funnel(caller);
  }
}
