import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { VendorVerificationService } from '../../vendors/vendor-verification.service.js';
import { VendorsService } from '../../vendors/vendors.service.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { withFlash } from '../shared/flash.js';
import { attempt } from '../shared/form-input.js';
import { seeOther, WebViews } from '../shared/views.js';
import { registryComparison, registrySummary } from './registry-comparison.js';
import { parseConfirm, parseVerificationText, VENDOR_DECISION_LABELS } from './vendor-decision.form.js';

interface FormState {
  values?: Record<string, unknown>;
  errors?: Record<string, string[]>;
  message?: string;
}

/**
 * A vendor's verification file (decision 032): what it declared beside the company registry's
 * answer, the question and answer so far, and the three outcomes — confirm (with a confirmation
 * step), refuse with a reason, ask for information.
 */
@ConsoleController('app/curation')
export class WebCurationVendorController {
  constructor(
    private readonly views: WebViews,
    private readonly vendors: VendorsService,
    private readonly verification: VendorVerificationService,
  ) {}

  @Get('fournisseurs/:id')
  @Roles('curator', 'admin')
  async page(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.render(request, reply, caller, id, {}, 200);
  }

  @Post('fournisseurs/:id/verifier')
  @Roles('curator', 'admin')
  async verify(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const { errors } = parseConfirm(body);
    if (errors) return this.render(request, reply, caller, id, { errors }, 400);
    await this.decide(request, reply, caller, id, {}, () => this.vendors.verify(caller, id), 'vendor-verified');
  }

  @Post('fournisseurs/:id/refuser')
  @Roles('curator', 'admin')
  async refuse(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseVerificationText(body, 'reason');
    if (!form.dto) return this.render(request, reply, caller, id, form, 400);
    const { message } = form.dto;
    await this.decide(request, reply, caller, id, form, () => this.verification.refuse(caller, id, message), 'vendor-refused');
  }

  @Post('fournisseurs/:id/demander-informations')
  @Roles('curator', 'admin')
  async ask(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseVerificationText(body, 'question');
    if (!form.dto) return this.render(request, reply, caller, id, form, 400);
    const { message } = form.dto;
    await this.decide(request, reply, caller, id, form, () => this.verification.requestInformation(caller, id, message), 'vendor-asked');
  }

  private async decide(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    form: FormState,
    run: () => Promise<unknown>,
    flash: 'vendor-verified' | 'vendor-refused' | 'vendor-asked',
  ): Promise<void> {
    const done = await attempt(run, (r) => this.render(request, reply, caller, id, { ...form, message: r.message }, r.status));
    if (done.done) seeOther(reply, request, withFlash('/app/curation/fournisseurs', flash));
  }

  private async render(request: FastifyRequest, reply: FastifyReply, caller: Caller, id: string, state: FormState, status: number) {
    const [vendor, verification] = await Promise.all([this.vendors.get(caller, id), this.verification.show(caller, id)]);
    this.views.send(
      reply,
      request,
      'curation/vendor',
      `Vérifier ${vendor.name}`,
      {
        vendor,
        verification,
        comparison: registryComparison({ ...vendor, communeCode: vendor.commune?.code ?? null }, verification.registry),
        registrySummary: registrySummary(verification.registry),
        values: state.values ?? {},
        errors: state.errors ?? {},
        labels: VENDOR_DECISION_LABELS,
        message: state.message,
      },
      status,
    );
  }
}
