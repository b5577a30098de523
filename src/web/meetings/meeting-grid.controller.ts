import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { BusinessEventsService } from '../../meetings/business-events.service.js';
import { EventAgendaService } from '../../meetings/event-agenda.service.js';
import { EventFollowUpService } from '../../meetings/event-follow-up.service.js';
import { EventGridService } from '../../meetings/event-grid.service.js';
import { EventSchedulingService } from '../../meetings/event-scheduling.service.js';
import { withFlash, type FlashCode } from '../shared/flash.js';
import { attempt, type Refused } from '../shared/form-input.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { seeOther, WebViews } from '../shared/views.js';
import { EVENT_STATUS_LABELS, parseMove, parsePair, parseSwap, seatRefusalMessage } from './meeting-grid.forms.js';

const INCOMPLETE = 'Le formulaire est incomplet ; choisissez une valeur dans chaque liste.';

/**
 * The curator's grid (slots × tables, issue 19) and its forms: close registration, run the
 * scheduler, move, swap or cancel a meeting, add or remove a pair. Each change goes through the
 * same services (and validator) as the API; a refusal shows the grid again with the rule in French.
 */
@ConsoleController('app/rendez-vous')
export class WebMeetingGridController {
  constructor(
    private readonly views: WebViews,
    private readonly events: BusinessEventsService,
    private readonly agendas: EventAgendaService,
    private readonly followUp: EventFollowUpService,
    private readonly grid: EventGridService,
    private readonly scheduling: EventSchedulingService,
  ) {}

  @Get(':id/grille')
  @Roles('curator', 'admin')
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.send(request, reply, id, {});
  }

  @Post(':id/cloture')
  @Roles('curator', 'admin')
  async close(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.run(request, reply, id, 'meeting-registration-closed', () => this.events.transition(caller, id, 'close', {}));
  }

  @Post(':id/planification')
  @Roles('curator', 'admin')
  async schedule(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.run(request, reply, id, 'meetings-scheduled', () => this.scheduling.run(caller, id));
  }

  @Post(':id/grille/binomes')
  @Roles('curator', 'admin')
  async pair(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const dto = (await parsePair(body)).dto;
    if (!dto) return this.send(request, reply, id, { message: INCOMPLETE }, 400);
    await this.run(request, reply, id, dto.kind === 'added' ? 'meeting-pair-added' : 'meeting-pair-removed', () =>
      this.scheduling.setPair(caller, id, dto),
    );
  }

  @Post(':id/grille/:meetingId/deplacer')
  @Roles('curator', 'admin')
  async move(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() body: unknown,
  ): Promise<void> {
    const dto = (await parseMove(body)).dto;
    if (!dto) return this.send(request, reply, id, { message: INCOMPLETE }, 400);
    await this.run(request, reply, id, 'meeting-moved', () => this.grid.move(caller, id, meetingId, dto));
  }

  @Post(':id/grille/:meetingId/echanger')
  @Roles('curator', 'admin')
  async swap(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() body: unknown,
  ): Promise<void> {
    const dto = (await parseSwap(body)).dto;
    if (!dto) return this.send(request, reply, id, { message: INCOMPLETE }, 400);
    await this.run(request, reply, id, 'meetings-swapped', () => this.grid.swap(caller, id, meetingId, dto.otherMeetingId));
  }

  @Post(':id/grille/:meetingId/annuler')
  @Roles('curator', 'admin')
  async cancel(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
  ): Promise<void> {
    await this.run(request, reply, id, 'meeting-cancelled', () => this.scheduling.cancel(caller, id, meetingId));
  }

  private async run(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    flash: FlashCode,
    change: () => Promise<unknown>,
  ): Promise<void> {
    const done = await attempt(change, (r: Refused) =>
      this.send(request, reply, id, { message: seatRefusalMessage(r.error.details) ?? r.message }, r.status),
    );
    if (done.done) seeOther(reply, request, withFlash(`/app/rendez-vous/${id}/grille`, flash));
  }

  private async send(request: FastifyRequest, reply: FastifyReply, id: string, data: { message?: string }, status = 200): Promise<void> {
    const [event, meetings, figures, attendees] = await Promise.all([
      this.events.get(id),
      this.agendas.grid(id),
      this.followUp.figures(id),
      this.grid.attendeesOf(id),
    ]);
    const cell = new Map(meetings.map((m) => [`${m.slot}#${m.table}`, m]));
    const tables = Array.from({ length: event.tables }, (_, i) => i + 1);
    const used = tables.filter((t) => meetings.some((m) => m.table === t));
    this.views.send(
      reply,
      request,
      'meetings/grid',
      `Grille des rendez-vous — ${event.title}`,
      { event, statusLabel: EVENT_STATUS_LABELS[event.status], meetings, figures, cell, tables, used, attendees, ...data },
      status,
    );
  }
}
