import { Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { BusinessEventsService } from '../../meetings/business-events.service.js';
import { EventAgendaService } from '../../meetings/event-agenda.service.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { WebViews } from '../shared/views.js';

/**
 * Business meetings in the console (issue 19): an attendee's printable agenda and its calendar
 * file on the cookie session (the curator's grid is in meeting-grid.controller.ts).
 */
@ConsoleController('app/rendez-vous')
export class WebMeetingsController {
  constructor(
    private readonly views: WebViews,
    private readonly events: BusinessEventsService,
    private readonly agendas: EventAgendaService,
  ) {}

  /** The business meetings open to registration or past: anyone. */
  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const events = await this.events.listPublic();
    this.views.send(reply, request, 'meetings/events', "Rendez-vous d'affaires « Osez l'IA »", {
      events,
      metaDescription: "Les rendez-vous d'affaires entre PME, collectivités et fournisseurs d'IA français, organisés par Circuit IA.",
    });
  }

  @Get(':id')
  async event(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const event = await this.events.getPublic(id);
    this.views.send(reply, request, 'meetings/event', event.title, {
      event,
      metaDescription: `${event.title}, le ${event.date} à ${event.communeName}.`,
    });
  }

  @Get(':id/agenda')
  @Roles('buyer', 'vendor')
  async agenda(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const [event, meetings] = await Promise.all([this.events.getPublic(id), this.agendas.agenda(caller, id)]);
    const counterpartOf = (m: { buyerName: string; vendorName: string }) => (caller.role === 'buyer' ? m.vendorName : m.buyerName);
    this.views.send(reply, request, 'meetings/agenda', `Mes rendez-vous — ${event.title}`, { event, meetings, counterpartOf });
  }

  @Get(':id/agenda.ics')
  @Roles('buyer', 'vendor')
  async calendar(@Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const ics = await this.agendas.agendaCalendar(caller, id);
    void reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="rendez-vous.ics"')
      .header('cache-control', 'no-store')
      .send(ics);
  }
}
