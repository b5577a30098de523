import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Public } from '../identity/public.decorator.js';
import { Roles } from '../identity/roles.decorator.js';
import { BusinessEventsService } from './business-events.service.js';
import { BusinessEventDto, CreateBusinessEventDto, EventTransitionDto, PublicBusinessEventDto } from './dto/business-event.dto.js';

@ApiTags('business meetings')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto })
@ApiCommonErrorResponses()
@Controller('events')
export class BusinessEventsController {
  constructor(private readonly events: BusinessEventsService) {}

  @Post()
  @Roles('curator', 'admin')
  @ApiOperation({
    summary: 'Draft a business-meetings event (issue 19): day, INSEE commune, hours, meeting length, tables, capacity, deadline.',
  })
  @ApiCreatedResponse({ type: BusinessEventDto })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description:
      'VALIDATION_FAILED; EVENT_INVALID_HOURS when no meeting fits the hours; EVENT_INVALID_DATES when the day is past or registration closes after the first meeting.',
  })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'Not a curator or admin.' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateBusinessEventDto): Promise<BusinessEventDto> {
    return this.events.create(caller, body);
  }

  @Get()
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'Every event, drafts included, the latest day first (curators and admins).' })
  @ApiOkResponse({ type: [BusinessEventDto] })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  list(): Promise<BusinessEventDto[]> {
    return this.events.list();
  }

  @Get(':id')
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'One event with its version and the actions its state allows (curators and admins).' })
  @ApiOkResponse({ type: BusinessEventDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'EVENT_NOT_FOUND.' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<BusinessEventDto> {
    return this.events.get(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'Open registration: draft → open (audited).' })
  @ApiOkResponse({ type: BusinessEventDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EVENT_INVALID_TRANSITION or STALE_VERSION.' })
  publish(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EventTransitionDto,
  ): Promise<BusinessEventDto> {
    return this.events.transition(caller, id, 'publish', body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'Close registration and wishes: open → closed (audited).' })
  @ApiOkResponse({ type: BusinessEventDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EVENT_INVALID_TRANSITION or STALE_VERSION.' })
  close(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EventTransitionDto,
  ): Promise<BusinessEventDto> {
    return this.events.transition(caller, id, 'close', body);
  }

  @Post(':id/hold')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'The day took place: scheduled → held (audited).' })
  @ApiOkResponse({ type: BusinessEventDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EVENT_INVALID_TRANSITION or STALE_VERSION.' })
  hold(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EventTransitionDto,
  ): Promise<BusinessEventDto> {
    return this.events.transition(caller, id, 'hold', body);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'Follow-up done: held → archived (audited).' })
  @ApiOkResponse({ type: BusinessEventDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EVENT_INVALID_TRANSITION or STALE_VERSION.' })
  archive(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EventTransitionDto,
  ): Promise<BusinessEventDto> {
    return this.events.transition(caller, id, 'archive', body);
  }
}

/** The public event pages' data: events past their draft, without curator fields. */
@ApiTags('business meetings')
@Public()
@ApiCommonErrorResponses()
@Controller('public/events')
export class PublicBusinessEventsController {
  constructor(private readonly events: BusinessEventsService) {}

  @Get()
  @ApiOperation({ summary: 'Events open to registration or past, the latest day first (anyone).' })
  @ApiOkResponse({ type: [PublicBusinessEventDto] })
  list(): Promise<PublicBusinessEventDto[]> {
    return this.events.listPublic();
  }

  @Get(':id')
  @ApiOperation({ summary: "One event's public page data (anyone); a draft answers 404 like an unknown id." })
  @ApiOkResponse({ type: PublicBusinessEventDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'EVENT_NOT_FOUND.' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicBusinessEventDto> {
    return this.events.getPublic(id);
  }
}
