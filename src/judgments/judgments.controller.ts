import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { ApiPageResponse, type Page } from '../common/pagination.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { JudgmentInputDto, JudgmentListQueryDto } from './dto/judgment-input.dto.js';
import { RelevanceJudgmentDto } from './dto/judgment.dto.js';
import { JudgmentsExportDto } from './dto/judgments-export.dto.js';
import { JudgmentsService } from './judgments.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

@ApiTags('relevance judgments')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Vendors and buyers.' })
@Roles('curator', 'admin')
@ApiCommonErrorResponses()
@Controller('needs/:needId/matches/:offeringId/judgment')
export class MatchJudgmentsController {
  constructor(private readonly judgments: JudgmentsService) {}

  @Put()
  @ApiOperation({
    summary:
      "Marks an offering « pertinent » or « pas pertinent » for a published need, with a reason; replaces the caller's previous mark.",
    description: 'Keeps the rank and scoring version of the ranking at the time; audited as relevance_judgment.mark.',
  })
  @ApiOkResponse({ type: RelevanceJudgmentDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED; details name each field (verdict, reason, comment).' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NEED_NOT_FOUND, OFFERING_NOT_FOUND.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'NEED_NOT_PUBLISHED.' })
  mark(
    @CurrentCaller() caller: Caller,
    @Param('needId', ParseUUIDPipe) needId: string,
    @Param('offeringId', ParseUUIDPipe) offeringId: string,
    @Body() body: JudgmentInputDto,
  ): Promise<RelevanceJudgmentDto> {
    return this.judgments.mark(caller, needId, offeringId, body);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: "Removes the caller's mark on the pair; audited as relevance_judgment.remove." })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'An id is not a UUID.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'NEED_NOT_FOUND, OFFERING_NOT_FOUND, JUDGMENT_NOT_FOUND (no mark of yours).' })
  unmark(
    @CurrentCaller() caller: Caller,
    @Param('needId', ParseUUIDPipe) needId: string,
    @Param('offeringId', ParseUUIDPipe) offeringId: string,
  ): Promise<void> {
    return this.judgments.unmark(caller, needId, offeringId);
  }
}

@ApiTags('relevance judgments')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Vendors and buyers.' })
@Roles('curator', 'admin')
@ApiCommonErrorResponses()
@Controller('relevance-judgments')
export class RelevanceJudgmentsController {
  constructor(private readonly judgments: JudgmentsService) {}

  @Get()
  @ApiOperation({ summary: "Every curator's current marks, last changed first; on one need with needId." })
  @ApiPageResponse(RelevanceJudgmentDto)
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  list(@CurrentCaller() caller: Caller, @Query() query: JudgmentListQueryDto): Promise<Page<RelevanceJudgmentDto>> {
    return this.judgments.list(caller, query);
  }

  @Get('export')
  @ApiOperation({
    summary: 'The marks as judged-set additions: needs.<needId>.<offeringId> = { grade, why }, with the titles and names in refs.',
    description: 'pertinent → 2, pas pertinent → 0, curators split → 1. See test/relevance/README.md to add them to the set.',
  })
  @ApiOkResponse({ type: JudgmentsExportDto })
  export(@CurrentCaller() caller: Caller): Promise<JudgmentsExportDto> {
    return this.judgments.export(caller);
  }
}
