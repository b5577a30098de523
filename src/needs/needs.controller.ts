import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import { ApiPageResponse, type Page } from '../common/pagination.js';
import { CloseNeedDto, NeedTransitionDto, PublishNeedDto, RejectNeedDto, RequestNeedChangesDto } from './dto/need-actions.dto.js';
import { CreateNeedDto, UpdateNeedDto } from './dto/need-input.dto.js';
import { ListNeedsQueryDto } from './dto/need-query.dto.js';
import { NeedDto } from './dto/need.dto.js';
import { NeedTransitionsService } from './need-transitions.service.js';
import { NeedsService } from './needs.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

const TRANSITION_CONFLICT =
  'NEED_INVALID_TRANSITION (details.allowed lists the actions the state allows), or STALE_VERSION when someone acted first.';

@ApiTags('needs')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Vendors, pending members, or a role this action is not for.' })
@Roles('buyer', 'curator', 'admin')
@ApiCommonErrorResponses()
@Controller('needs')
export class NeedsController {
  constructor(
    private readonly needs: NeedsService,
    private readonly transitions: NeedTransitionsService,
  ) {}

  @Post()
  @Roles('buyer')
  @ApiOperation({ summary: "Posts a draft need for the caller's organisation; sector and commune default to the organisation's." })
  @ApiCreatedResponse({ type: NeedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED; details name each field.' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateNeedDto): Promise<NeedDto> {
    return this.needs.create(caller, dto);
  }

  @Get()
  @ApiOperation({
    summary:
      "Buyers: their organisation's needs. Curators and admins: every need, filtered. status=submitted is the curator queue, oldest first.",
  })
  @ApiPageResponse(NeedDto)
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  list(@CurrentCaller() caller: Caller, @Query() query: ListNeedsQueryDto): Promise<Page<NeedDto>> {
    return this.needs.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A need, for its buyer organisation, curators and admins (404 for anyone else).' })
  @ApiOkResponse({ type: NeedDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<NeedDto> {
    return this.needs.get(caller, id);
  }

  @Patch(':id')
  @Roles('buyer')
  @ApiOperation({ summary: 'Edits a draft or changes_requested need; audited.' })
  @ApiOkResponse({ type: NeedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'NEED_NOT_EDITABLE in other states; STALE_VERSION when the version is not the current one.',
  })
  update(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateNeedDto): Promise<NeedDto> {
    return this.needs.update(caller, id, dto);
  }

  @Post(':id/submit')
  @Roles('buyer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sends a draft or changes_requested need to the curators.' })
  @ApiOkResponse({ type: NeedDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: `NEED_INCOMPLETE (details.missing lists the fields), NEED_REQUIREMENT_MISSING (health data without HDS_CERTIFIED), ${TRANSITION_CONFLICT}`,
  })
  submit(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: NeedTransitionDto): Promise<NeedDto> {
    return this.transitions.submit(caller, id, dto);
  }

  @Post(':id/publish')
  @Roles('curator', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Curator: validates a submitted need, optionally correcting its use cases and sector (audited before/after).' })
  @ApiOkResponse({ type: NeedDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: TRANSITION_CONFLICT })
  publish(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PublishNeedDto): Promise<NeedDto> {
    return this.transitions.publish(caller, id, dto);
  }

  @Post(':id/request-changes')
  @Roles('curator', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Curator: sends a submitted need back to its buyer with a message.' })
  @ApiOkResponse({ type: NeedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: TRANSITION_CONFLICT })
  requestChanges(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequestNeedChangesDto,
  ): Promise<NeedDto> {
    return this.transitions.requestChanges(caller, id, dto);
  }

  @Post(':id/reject')
  @Roles('curator', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Curator: rejects a submitted need with a reason (final).' })
  @ApiOkResponse({ type: NeedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: TRANSITION_CONFLICT })
  reject(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectNeedDto): Promise<NeedDto> {
    return this.transitions.reject(caller, id, dto);
  }

  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Buyer organisation or curator: closes a published need with its outcome.' })
  @ApiOkResponse({ type: NeedDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: TRANSITION_CONFLICT })
  close(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseNeedDto): Promise<NeedDto> {
    return this.transitions.close(caller, id, dto);
  }
}
