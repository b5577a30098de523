import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { ListLeadsQueryDto } from '../../lead-alerts/dto/lead-alert.dto.js';
import { LeadInboxService } from '../../lead-alerts/lead-inbox.service.js';
import { NotificationSettingsService } from '../../notifications/notification-settings.service.js';
import { LEAD_FREQUENCIES, type LeadFrequency } from '../../notifications/lead-frequency.js';
import { BUYER_TYPE_LABELS } from '../shared/organisation.labels.js';
import { asForm, attempt, pageNumber, text } from '../shared/form-input.js';
import { withFlash } from '../shared/flash.js';
import { seeOther, WebViews } from '../shared/views.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { declineReasonChoices, parseLeadAnswer } from './lead-answer.form.js';

const BASE = '/app/fournisseur';

/**
 * The vendor's leads (issue 18): the needs announced to its organisation, each answered in one
 * click, and how often the e-mails come. On the API's services, so the same rules hold.
 */
@ConsoleController('app/fournisseur')
export class WebVendorLeadsController {
  constructor(
    private readonly views: WebViews,
    private readonly inbox: LeadInboxService,
    private readonly settings: NotificationSettingsService,
  ) {}

  @Get('pistes')
  @Roles('vendor')
  async list(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Query('page') page?: string,
    @Query('reponse') answer?: string,
  ): Promise<void> {
    const filter = answer === 'interested' || answer === 'not_interested' || answer === 'none' ? answer : undefined;
    const result = await this.inbox.list(
      caller,
      Object.assign(new ListLeadsQueryDto(), { page: pageNumber(page), pageSize: 20, answer: filter }),
    );
    this.views.send(reply, request, 'vendor/lead-list', 'Mes pistes', { result, filter, buyerTypes: BUYER_TYPE_LABELS });
  }

  @Get('pistes/:id')
  @Roles('vendor')
  async detail(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.sendLead(request, reply, caller, id, {});
  }

  @Post('pistes/:id/reponse')
  @Roles('vendor')
  async answer(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseLeadAnswer(body);
    const dto = form.dto;
    if (!dto) return this.sendLead(request, reply, caller, id, { values: form.values, errors: form.errors }, 400);
    const done = await attempt(
      () => this.inbox.answer(caller, id, dto),
      (r) => this.sendLead(request, reply, caller, id, { values: form.values, errors: r.errors, message: r.message }, r.status),
    );
    if (done.done)
      seeOther(reply, request, withFlash(`${BASE}/pistes/${id}`, dto.answer === 'interested' ? 'lead-interested' : 'lead-declined'));
  }

  @Get('alertes')
  @Roles('vendor')
  async alerts(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): Promise<void> {
    this.views.send(reply, request, 'vendor/alerts', 'Alertes de nouveaux besoins', { settings: await this.settings.get(caller) });
  }

  @Post('alertes')
  @Roles('vendor')
  async saveAlerts(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
  ): Promise<void> {
    const chosen = text(asForm(body), 'leadAlerts');
    if (!chosen || !(LEAD_FREQUENCIES as readonly string[]).includes(chosen)) {
      this.views.send(
        reply,
        request,
        'vendor/alerts',
        'Alertes de nouveaux besoins',
        { settings: await this.settings.get(caller), error: 'Choisissez une fréquence.' },
        400,
      );
      return;
    }
    await this.settings.update(caller, { leadAlerts: chosen as LeadFrequency });
    seeOther(reply, request, withFlash(`${BASE}/alertes`, 'alerts-saved'));
  }

  private async sendLead(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    form: { values?: Record<string, unknown>; errors?: Record<string, string[]>; message?: string },
    status = 200,
  ): Promise<void> {
    const lead = await this.inbox.get(caller, id);
    this.views.send(
      reply,
      request,
      'vendor/lead',
      `Piste : ${lead.need.title}`,
      {
        lead,
        values: form.values ?? {},
        errors: form.errors ?? {},
        message: form.message,
        reasons: declineReasonChoices(),
        buyerTypes: BUYER_TYPE_LABELS,
      },
      status,
    );
  }
}
