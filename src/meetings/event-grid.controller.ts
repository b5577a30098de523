import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiCommonErrorResponses } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { Roles } from '../identity/roles.decorator.js';
import { MoveMeetingDto, SwapMeetingsDto } from './dto/event-registration.dto.js';
import { EventGridService } from './event-grid.service.js';

const REFUSED =
  'EVENT_SEAT_REFUSED: the change breaks a rule of the schedule (`details.violations` lists them: attendee_double_booked, table_double_booked, unavailable, cap_exceeded, slot_out_of_range, table_out_of_range…); EVENT_INVALID_TRANSITION: the event is not scheduled.';

/** The curator's hand on the grid (decision 028): every change checked by the scheduler's validator. */
@ApiTags('business meetings')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto })
@ApiCommonErrorResponses()
@Controller('events/:id/meetings/:meetingId')
export class EventGridController {
  constructor(private readonly grid: EventGridService) {}

  @Post('move')
  @HttpCode(204)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: 'Move a scheduled meeting to another slot and table; the other meetings stay put (audited).' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'EVENT_NOT_FOUND or EVENT_MEETING_NOT_FOUND (unknown, cancelled or checked in).',
  })
  @ApiConflictResponse({ type: ErrorBodyDto, description: REFUSED })
  move(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() body: MoveMeetingDto,
  ): Promise<void> {
    return this.grid.move(caller, id, meetingId, body);
  }

  @Post('swap')
  @HttpCode(204)
  @Roles('curator', 'admin')
  @ApiOperation({ summary: "Swap two scheduled meetings' slots and tables (audited)." })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'EVENT_NOT_FOUND or EVENT_MEETING_NOT_FOUND.' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: REFUSED })
  swap(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() body: SwapMeetingsDto,
  ): Promise<void> {
    return this.grid.swap(caller, id, meetingId, body.otherMeetingId);
  }
}
