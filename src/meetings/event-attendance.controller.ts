import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import {
  AttendeeDto,
  EventFiguresDto,
  EventMeetingDto,
  MarkedMeetingDto,
  MarkMeetingDto,
  PairOverrideDto,
  ProposalsDto,
  RegisterForEventDto,
  ScheduleRunDto,
  SetWishesDto,
} from './dto/event-registration.dto.js';
import { EventAgendaService } from './event-agenda.service.js';
import { EventFollowUpService } from './event-follow-up.service.js';
import { EventRegistrationsService } from './event-registrations.service.js';
import { EventSchedulingService } from './event-scheduling.service.js';

@ApiTags('business meetings')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto })
@ApiCommonErrorResponses()
@Controller('events/:id')
export class EventAttendanceController {
  constructor(
    private readonly registrations: EventRegistrationsService,
    private readonly scheduling: EventSchedulingService,
    private readonly followUp: EventFollowUpService,
    private readonly agendas: EventAgendaService,
  ) {}

  @Post('registrations')
  @Roles('buyer', 'vendor')
  @ApiOperation({
    summary:
      "Register the caller's organisation: a buyer with a published need, a vendor with published offerings, and the slots it can attend.",
  })
  @ApiCreatedResponse({ type: AttendeeDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED or EVENT_REGISTRATION_INVALID.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'EVENT_NOT_FOUND (drafts included).' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EVENT_REGISTRATION_CLOSED, EVENT_FULL, or already registered.' })
  register(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RegisterForEventDto,
  ): Promise<AttendeeDto> {
    return this.registrations.register(caller, id, body);
  }

  @Get('proposals')
  @Roles('buyer', 'vendor')
  @ApiOperation({ summary: 'Counterparts the ranking proposes: vendors and their offering to a buyer, anonymised needs to a vendor.' })
  @ApiOkResponse({ type: ProposalsDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'EVENT_NOT_FOUND or EVENT_NOT_REGISTERED.' })
  proposals(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalsDto> {
    return this.registrations.proposals(caller, id);
  }

  @Put('wishes')
  @Roles('buyer', 'vendor')
  @ApiOperation({ summary: "Replace the caller's wishes: counterparts among the proposals, at most the event's wishes per attendee." })
  @ApiOkResponse({ type: ProposalsDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED or EVENT_WISH_INVALID.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EVENT_REGISTRATION_CLOSED.' })
  wishes(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() body: SetWishesDto): Promise<ProposalsDto> {
    return this.registrations.setWishes(caller, id, body);
  }

  @Get('agenda')
  @Roles('buyer', 'vendor')
  @ApiOperation({ summary: "The caller's seated meetings, with slot times, table and counterpart." })
  @ApiOkResponse({ type: [EventMeetingDto] })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  agenda(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<EventMeetingDto[]> {
    return this.agendas.agenda(caller, id);
  }

  @Get('agenda.ics')
  @Roles('buyer', 'vendor')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="rendez-vous.ics"')
  @ApiOperation({ summary: "The caller's seated meetings as an iCalendar file (RFC 5545), Paris times written in UTC." })
  // Only the 200 is a calendar (decision 025): @ApiProduces would make the JSON error bodies text/calendar too.
  @ApiOkResponse({
    description: 'The calendar file.',
    content: { 'text/calendar': { schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…' } } },
  })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  agendaCalendar(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.agendas.agendaCalendar(caller, id);
  }

  @Post('schedule')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'Run the scheduler on a closed or scheduled event; seated meetings stay where they are (audited).' })
  @ApiOkResponse({ type: ScheduleRunDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EVENT_INVALID_TRANSITION.' })
  schedule(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<ScheduleRunDto> {
    return this.scheduling.run(caller, id);
  }

  @Put('pairs')
  @HttpCode(204)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: "Add a pair to the scheduler's candidates (weighed as one side's wish) or remove one (audited)." })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED or EVENT_PAIR_INVALID.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EVENT_INVALID_TRANSITION: the event is a draft, held or archived.' })
  setPair(@CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() body: PairOverrideDto): Promise<void> {
    return this.scheduling.setPair(caller, id, body);
  }

  @Get('meetings')
  @Roles('curator', 'admin')
  @ApiOperation({ summary: "The curator's grid: every seated meeting by slot and table." })
  @ApiOkResponse({ type: [EventMeetingDto] })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  meetings(@Param('id', ParseUUIDPipe) id: string): Promise<EventMeetingDto[]> {
    return this.agendas.grid(id);
  }

  @Post('meetings/:meetingId/cancel')
  @HttpCode(204)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'Cancel a seated meeting (audited); the next scheduler run may give its seat to another pair.' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'EVENT_MEETING_NOT_FOUND.' })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'EVENT_INVALID_TRANSITION: the event is not scheduled (held and archived events keep their meetings).',
  })
  cancel(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
  ): Promise<void> {
    return this.scheduling.cancel(caller, id, meetingId);
  }

  @Post('meetings/:meetingId/check-in')
  @HttpCode(200)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'On the day: a meeting held (it becomes an introduction at meeting_held) or a no-show (audited).' })
  @ApiOkResponse({ type: MarkedMeetingDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'EVENT_MEETING_NOT_FOUND: unknown, cancelled or already checked in.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EVENT_NOT_ON_THE_DAY.' })
  checkIn(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() body: MarkMeetingDto,
  ): Promise<MarkedMeetingDto> {
    return this.followUp.mark(caller, id, meetingId, body);
  }

  @Get('figures')
  @Roles('curator', 'admin')
  @ApiOperation({ summary: "The event's outcome: meetings seated, held, missed and cancelled, introductions and those won." })
  @ApiOkResponse({ type: EventFiguresDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  figures(@Param('id', ParseUUIDPipe) id: string): Promise<EventFiguresDto> {
    return this.followUp.figures(id);
  }
}
