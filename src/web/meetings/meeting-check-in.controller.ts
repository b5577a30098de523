import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { BusinessEventsService } from '../../meetings/business-events.service.js';
import { EventAgendaService } from '../../meetings/event-agenda.service.js';
import { EventFollowUpService } from '../../meetings/event-follow-up.service.js';
import { withFlash } from '../shared/flash.js';
import { attempt } from '../shared/form-input.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { seeOther, WebViews } from '../shared/views.js';
import { parseCheckIn } from './meeting.forms.js';

/** On the day, the curator marks each meeting held or missed (issue 19): one small form per meeting. */
@ConsoleController('app/rendez-vous')
export class WebMeetingCheckInController {
  constructor(
    private readonly views: WebViews,
    private readonly events: BusinessEventsService,
    private readonly agendas: EventAgendaService,
    private readonly followUp: EventFollowUpService,
  ) {}

  @Get(':id/pointage')
  @Roles('curator', 'admin')
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.send(request, reply, id, {});
  }

  @Post(':id/pointage/:meetingId')
  @Roles('curator', 'admin')
  async mark(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseCheckIn(body);
    const dto = form.dto;
    if (!dto) return this.send(request, reply, id, { message: 'Choisissez « tenu » ou « absent ».' }, 400);
    const done = await attempt(
      () => this.followUp.mark(caller, id, meetingId, dto),
      (r) => this.send(request, reply, id, { message: r.message }, r.status),
    );
    if (done.done) seeOther(reply, request, withFlash(`/app/rendez-vous/${id}/pointage`, 'meeting-checked-in'));
  }

  private async send(request: FastifyRequest, reply: FastifyReply, id: string, data: { message?: string }, status = 200): Promise<void> {
    const [event, meetings] = await Promise.all([this.events.get(id), this.agendas.grid(id)]);
    this.views.send(reply, request, 'meetings/check-in', `Pointage des rendez-vous — ${event.title}`, { event, meetings, ...data }, status);
  }
}
