import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { BusinessEventsService } from '../../meetings/business-events.service.js';
import { EventRegistrationsService } from '../../meetings/event-registrations.service.js';
import { referenceData } from '../../reference/data/reference-data.js';
import { withFlash } from '../shared/flash.js';
import { attempt, type FormValues } from '../shared/form-input.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { seeOther, WebViews } from '../shared/views.js';
import { NEW_NEED, parseRegistration, parseWishes, REGISTRATION_LABELS } from './meeting.forms.js';

const BASE = '/app/rendez-vous';

/**
 * An attendee's business-meetings forms (issue 19): registering (a buyer with a published need or
 * a draft created on the spot, a vendor with its offerings, both with their slots), then choosing
 * up to K wishes among the ranking's proposals, with its reasons.
 */
@ConsoleController('app/rendez-vous')
export class WebMeetingFormsController {
  constructor(
    private readonly views: WebViews,
    private readonly events: BusinessEventsService,
    private readonly registrations: EventRegistrationsService,
  ) {}

  @Get(':id/inscription')
  @Roles('buyer', 'vendor')
  async registrationForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.sendRegistration(request, reply, caller, id, {});
  }

  @Post(':id/inscription')
  @Roles('buyer', 'vendor')
  async register(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseRegistration(body, caller.role === 'buyer' ? 'buyer' : 'vendor');
    const dto = form.dto;
    if (!dto) return this.sendRegistration(request, reply, caller, id, { values: form.values, errors: form.errors }, 400);
    const done = await attempt(
      () => this.registrations.register(caller, id, dto),
      (r) => this.sendRegistration(request, reply, caller, id, { values: form.values, errors: r.errors, message: r.message }, r.status),
    );
    if (done.done) seeOther(reply, request, withFlash(`${BASE}/${id}/souhaits`, 'meeting-registered'));
  }

  @Get(':id/souhaits')
  @Roles('buyer', 'vendor')
  async wishesForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.sendWishes(request, reply, caller, id, {});
  }

  @Post(':id/souhaits')
  @Roles('buyer', 'vendor')
  async wish(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseWishes(body);
    const dto = form.dto;
    if (!dto)
      return this.sendWishes(
        request,
        reply,
        caller,
        id,
        { message: 'Le formulaire est incomplet ; rechargez la page et recommencez.' },
        400,
      );
    const done = await attempt(
      () => this.registrations.setWishes(caller, id, dto),
      (r) => this.sendWishes(request, reply, caller, id, { message: r.message, chosen: form.values.attendeeIds }, r.status),
    );
    if (done.done) seeOther(reply, request, withFlash(`${BASE}/${id}/souhaits`, 'meeting-wishes-saved'));
  }

  private async sendRegistration(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    data: { values?: FormValues; errors?: Record<string, string[]>; message?: string },
    status = 200,
  ): Promise<void> {
    const [event, choices] = await Promise.all([this.events.getPublic(id), this.registrations.registrationChoices(caller, id)]);
    if (choices.registered && status === 200) return seeOther(reply, request, `${BASE}/${id}/souhaits`);
    const role = caller.role === 'buyer' ? 'buyer' : 'vendor';
    const values = data.values ?? { availableSlots: event.slots.map((_, i) => String(i)) };
    this.views.send(
      reply,
      request,
      'meetings/register',
      `S'inscrire — ${event.title}`,
      {
        event,
        role,
        needs: [
          ...choices.needs.map((n) => ({ code: n.id, label: n.title })),
          { code: NEW_NEED, label: 'Un nouveau besoin, créé ici en brouillon' },
        ],
        offerings: choices.offerings.map((o) => ({ code: o.id, label: o.title })),
        slots: event.slots.map((time, i) => ({ code: String(i), label: time })),
        useCases: referenceData().useCases.map((u) => ({ code: u.code, label: u.label })),
        values,
        errors: data.errors ?? {},
        message: data.message,
        labels: REGISTRATION_LABELS,
      },
      status,
    );
  }

  private async sendWishes(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    data: { message?: string; chosen?: unknown },
    status = 200,
  ): Promise<void> {
    const [event, proposals] = await Promise.all([this.events.getPublic(id), this.registrations.proposals(caller, id)]);
    const chosen = Array.isArray(data.chosen) ? data.chosen.map(String) : proposals.items.filter((p) => p.wished).map((p) => p.attendeeId);
    this.views.send(
      reply,
      request,
      'meetings/wishes',
      `Mes souhaits de rendez-vous — ${event.title}`,
      { event, proposals, chosen, role: caller.role, message: data.message },
      status,
    );
  }
}
