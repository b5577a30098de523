import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import {
  LeadsDto,
  LeadsQueryDto,
  MarketDepthDto,
  MatchesDto,
  MatchesQueryDto,
  MatchingWeightsDto,
  UpdateWeightsDto,
} from './dto/match.dto.js';
import { LeadsService } from './leads.service.js';
import { MatchingWeightsService } from './matching-weights.service.js';
import { MarketDepthService } from './market-depth.service.js';
import { NeedMatchesService } from './need-matches.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('matching')
@ApiBearerAuth()
@ApiCommonErrorResponses()
@Controller('needs')
export class NeedMatchesController {
  constructor(
    private readonly needMatches: NeedMatchesService,
    private readonly depth: MarketDepthService,
  ) {}

  @Get(':id/matches')
  @Roles('buyer', 'curator', 'admin')
  @ApiOperation({
    summary: 'Offerings ranked for a published need, each criterion explained (DESIGN §5).',
    description:
      "The owning buyer's members, curators and admins. `includeExcluded=true` (curators and admins only; a buyer asking gets 403) " +
      'adds the published offerings sharing a use case that a rule excluded, with each rule and its reason.',
  })
  @ApiOkResponse({ type: MatchesDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Vendors; buyers asking for includeExcluded.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: "Unknown, or another buyer's need." })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'NEED_NOT_PUBLISHED.' })
  matches(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Query() query: MatchesQueryDto): Promise<MatchesDto> {
    return this.needMatches.matchesFor(caller, id, query);
  }

  @Get(':id/market-depth')
  @Roles('buyer', 'curator', 'admin')
  @ApiOperation({ summary: 'How many eligible offerings share a use case with the need, by grade and proximity; works on drafts.' })
  @ApiOkResponse({ type: MarketDepthDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  marketDepth(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<MarketDepthDto> {
    return this.depth.marketDepth(caller, id);
  }
}

@ApiTags('matching')
@ApiBearerAuth()
@ApiCommonErrorResponses()
@Controller('matching')
export class MatchingWeightsController {
  constructor(private readonly weights: MatchingWeightsService) {}

  @Get('weights')
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'The weights of the match score in use, with the defaults and the scoring version.' })
  @ApiOkResponse({ type: MatchingWeightsDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  get(@CurrentCaller() caller: Caller): Promise<MatchingWeightsDto> {
    return this.weights.get(caller);
  }

  @Put('weights')
  @Roles('admin')
  @ApiOperation({ summary: 'Sets the six weights (integers 0–100, at least one positive); audited with before and after.' })
  @ApiOkResponse({ type: MatchingWeightsDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'WEIGHTS_INVALID; details name each field.' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not an admin.' })
  update(@CurrentCaller() caller: Caller, @Body() body: UpdateWeightsDto): Promise<MatchingWeightsDto> {
    return this.weights.update(caller, { ...body });
  }
}

@ApiTags('matching')
@ApiBearerAuth()
@ApiCommonErrorResponses()
@Controller('offerings')
export class OfferingLeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Get(':id/leads')
  @Roles('vendor')
  @ApiOperation({
    summary:
      "Published needs this offering matches, best first, anonymised (no buyer name or contact; département only). Its vendor's members only.",
  })
  @ApiOkResponse({ type: LeadsDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not a member of the vendor owning the offering.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  leadsOf(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Query() query: LeadsQueryDto): Promise<LeadsDto> {
    return this.leads.leadsOf(caller, id, query.limit);
  }
}
