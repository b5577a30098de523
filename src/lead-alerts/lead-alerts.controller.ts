import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { ApiPageResponse, type Page } from '../common/pagination.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { AnswerLeadDto, LeadAlertDto, ListLeadsQueryDto, NeedLeadsDto } from './dto/lead-alert.dto.js';
import { LeadInboxService } from './lead-inbox.service.js';

@ApiTags('leads')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto })
@ApiCommonErrorResponses()
@Controller('leads')
export class LeadAlertsController {
  constructor(private readonly inbox: LeadInboxService) {}

  @Get()
  @Roles('vendor')
  @ApiOperation({
    summary: "The caller's organisation's leads: needs announced to it (issue 18), newest first, anonymised.",
    description: 'Active members of a vendor organisation. `answer=none` lists the leads not answered yet.',
  })
  @ApiPageResponse(LeadAlertDto)
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not a vendor, or membership not active.' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListLeadsQueryDto): Promise<Page<LeadAlertDto>> {
    return this.inbox.list(caller, query);
  }

  @Get(':id')
  @Roles('vendor', 'curator', 'admin')
  @ApiOperation({
    summary: "One lead; a member's first read marks it opened.",
    description: "Its vendor's active members, curators and admins.",
  })
  @ApiOkResponse({ type: LeadAlertDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Buyers.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: "Unknown, or another vendor's lead." })
  get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<LeadAlertDto> {
    return this.inbox.get(caller, id);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Roles('vendor')
  @ApiOperation({
    summary: '« Intéressé » (with an optional note to the curators) or « pas intéressé » (a reason, a comment for `other`).',
    description: 'Answering again replaces the answer. Closed once the need is no longer published (409).',
  })
  @ApiOkResponse({ type: LeadAlertDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED: e.g. not_interested without a reason.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not a vendor.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: "Unknown, or another vendor's lead." })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'LEAD_CLOSED.' })
  answer(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() body: AnswerLeadDto): Promise<LeadAlertDto> {
    return this.inbox.answer(caller, id, body);
  }
}

@ApiTags('leads')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto })
@ApiCommonErrorResponses()
@Controller('needs')
export class NeedLeadsController {
  constructor(private readonly inbox: LeadInboxService) {}

  @Get(':id/leads')
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'The vendors told of a need and their answers, interested first (curators and admins).' })
  @ApiOkResponse({ type: NeedLeadsDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Buyers and vendors.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  forNeed(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<NeedLeadsDto> {
    return this.inbox.forNeed(caller, id);
  }
}
