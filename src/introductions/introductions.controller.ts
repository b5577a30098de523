import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
import {
  CreateIntroductionDto,
  DeclineIntroductionDto,
  IntroductionOutcomeDto,
  IntroductionTransitionDto,
  ListIntroductionsQueryDto,
} from './dto/introduction-input.dto.js';
import { IntroductionDto } from './dto/introduction.dto.js';
import { IntroductionTransitionsService } from './introduction-transitions.service.js';
import { IntroductionsService } from './introductions.service.js';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';

const TRANSITION_CONFLICT =
  'INTRODUCTION_INVALID_TRANSITION (details.allowed lists the events the state allows), or STALE_VERSION when someone acted first.';

@ApiTags('introductions')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid access token.' })
@ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Pending members, or a role this action is not for.' })
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'Unknown introduction, or one the caller takes no part in.' })
@Roles('vendor', 'buyer', 'curator', 'admin')
@ApiCommonErrorResponses()
@Controller('introductions')
export class IntroductionsController {
  constructor(
    private readonly introductions: IntroductionsService,
    private readonly transitions: IntroductionTransitionsService,
  ) {}

  @Post()
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'Curator: introduces an eligible published offering to a published need; both sides are e-mailed.' })
  @ApiCreatedResponse({ type: IntroductionDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED; details name each field.' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description:
      'INTRODUCTION_NEED_NOT_PUBLISHED; INTRODUCTION_NOT_ELIGIBLE (details.failed lists each rule and its reason); INTRODUCTION_ALREADY_OPEN for the same pair.',
  })
  propose(@CurrentCaller() caller: Caller, @Body() dto: CreateIntroductionDto): Promise<IntroductionDto> {
    return this.introductions.propose(caller, dto);
  }

  @Get()
  @ApiOperation({
    summary:
      "Curators and admins: every introduction. Vendors: those of their organisation's offerings. Buyers: those of their organisation's needs.",
  })
  @ApiPageResponse(IntroductionDto)
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  list(@CurrentCaller() caller: Caller, @Query() query: ListIntroductionsQueryDto): Promise<Page<IntroductionDto>> {
    return this.introductions.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An introduction; contacts of the other side appear once it is connected.' })
  @ApiOkResponse({ type: IntroductionDto })
  get(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<IntroductionDto> {
    return this.introductions.get(caller, id);
  }

  @Post(':id/accept')
  @Roles('vendor', 'buyer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Vendor or buyer side accepts; when the other side already accepted, the introduction is connected.' })
  @ApiOkResponse({ type: IntroductionDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: TRANSITION_CONFLICT })
  accept(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: IntroductionTransitionDto,
  ): Promise<IntroductionDto> {
    return this.transitions.accept(caller, id, dto);
  }

  @Post(':id/decline')
  @Roles('vendor', 'buyer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Vendor or buyer side declines with a reason (comment required for other); final.' })
  @ApiOkResponse({ type: IntroductionDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: TRANSITION_CONFLICT })
  decline(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeclineIntroductionDto,
  ): Promise<IntroductionDto> {
    return this.transitions.decline(caller, id, dto);
  }

  @Post(':id/meeting-held')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Either side or a curator records that a connected pair met.' })
  @ApiOkResponse({ type: IntroductionDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: TRANSITION_CONFLICT })
  meetingHeld(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: IntroductionTransitionDto,
  ): Promise<IntroductionDto> {
    return this.transitions.meetingHeld(caller, id, dto);
  }

  @Post(':id/outcome')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Either side or a curator records the outcome (won or lost) after the meeting.' })
  @ApiOkResponse({ type: IntroductionDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: TRANSITION_CONFLICT })
  outcome(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: IntroductionOutcomeDto,
  ): Promise<IntroductionDto> {
    return this.transitions.outcome(caller, id, dto);
  }

  @Post(':id/cancel')
  @Roles('curator', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Curator: cancels an open introduction.' })
  @ApiOkResponse({ type: IntroductionDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: TRANSITION_CONFLICT })
  cancel(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: IntroductionTransitionDto,
  ): Promise<IntroductionDto> {
    return this.transitions.cancel(caller, id, dto);
  }
}
