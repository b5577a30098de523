import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isActiveMemberOf } from '../../identity/access.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { CommonErrors } from '../../common/errors/common.errors.js';
import type { OfferingDto } from '../../offerings/dto/offering.dto.js';
import { OfferingsService } from '../../offerings/offerings.service.js';
import { withFlash, type FlashCode } from '../shared/flash.js';
import { attempt } from '../shared/form-input.js';
import { frenchDomainFieldErrors } from '../shared/french-messages.js';
import { seeOther } from '../shared/views.js';
import {
  offeringStepOf,
  offeringToValues,
  parseNewOffering,
  parseOfferingChanges,
  parseOfferingStep,
  type OfferingStep,
} from './offering.form.js';
import { VendorPages } from './vendor-pages.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';

const offeringPath = (id: string): string => `/app/fournisseur/offres/${id}`;

const stepOrNotFound = (raw: string): OfferingStep => {
  const step = offeringStepOf(raw);
  if (!step) throw CommonErrors.NOT_FOUND('Cette étape n’existe pas.');
  return step;
};

/** A vendor's offerings with their sovereignty profile: create, edit, publish, archive. */
@ConsoleController('app/fournisseur/offres')
export class WebVendorOfferingsController {
  constructor(
    private readonly pages: VendorPages,
    private readonly offerings: OfferingsService,
  ) {}

  @Get('nouvelle')
  @Roles('vendor')
  newOffering(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.pages.offering(reply, request, null, { values: {}, step: 1 });
  }

  @Post('nouvelle')
  @Roles('vendor')
  async create(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
  ): Promise<void> {
    // Step 1 creates the draft (issue 23); the next steps are saved on it one at a time.
    const form = await parseNewOffering(body, 1);
    if (!form.dto) return this.pages.offering(reply, request, null, { values: form.values, errors: form.errors, status: 400, step: 1 });
    const dto = form.dto;
    const created = await attempt(
      () => this.offerings.create(caller, dto),
      (r) =>
        this.pages.offering(reply, request, null, {
          values: form.values,
          errors: form.place(r.errors),
          message: r.message,
          status: r.status,
          step: 1,
        }),
    );
    if (created.done) seeOther(reply, request, withFlash(`${offeringPath(created.value.id)}/etape/2`, 'offering-created'));
  }

  /** The live grade (htmx): the form's current answers scored as the server scores them; nothing saved. */
  @Post('apercu-note')
  @Roles('vendor')
  gradePreview(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): void {
    this.pages.gradePreview(reply, request, body);
  }

  @Get(':id')
  @Roles('vendor')
  async edit(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const offering = await this.ownOffering(caller, id);
    this.pages.offering(reply, request, offering, { values: offeringToValues(offering) });
  }

  @Post(':id')
  @Roles('vendor')
  async update(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const current = await this.ownOffering(caller, id);
    const form = await parseOfferingChanges(body, current);
    if (!form.dto) return this.pages.offering(reply, request, current, { values: form.values, errors: form.errors, status: 400 });
    const dto = form.dto;
    const saved = await attempt(
      () => this.offerings.update(caller, id, dto),
      (r) =>
        this.pages.offering(reply, request, current, {
          values: form.values,
          errors: form.place(r.errors),
          message: r.message,
          status: r.status,
        }),
    );
    if (saved.done) seeOther(reply, request, withFlash(offeringPath(id), 'offering-saved'));
  }

  /** The same form, one step at a time (issue 23): each step saved on its own, then the next one. */
  @Get(':id/etape/:step')
  @Roles('vendor')
  async editStep(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('step') rawStep: string,
  ): Promise<void> {
    const step = stepOrNotFound(rawStep);
    const offering = await this.ownOffering(caller, id);
    this.pages.offering(reply, request, offering, { values: offeringToValues(offering), step });
  }

  @Post(':id/etape/:step')
  @Roles('vendor')
  async updateStep(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('step') rawStep: string,
    @Body() body: unknown,
  ): Promise<void> {
    const step = stepOrNotFound(rawStep);
    const current = await this.ownOffering(caller, id);
    const form = await parseOfferingStep(step, body, current);
    if (!form.dto) return this.pages.offering(reply, request, current, { values: form.values, errors: form.errors, status: 400, step });
    const dto = form.dto;
    const saved = await attempt(
      () => this.offerings.update(caller, id, dto),
      (r) =>
        this.pages.offering(reply, request, current, {
          values: form.values,
          errors: form.place(r.errors),
          message: r.message,
          status: r.status,
          step,
        }),
    );
    const next = step < 4 ? `${offeringPath(id)}/etape/${step + 1}` : offeringPath(id);
    if (saved.done) seeOther(reply, request, withFlash(next, 'offering-saved'));
  }

  @Post(':id/publier')
  @Roles('vendor')
  publish(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.transition(request, reply, caller, id, () => this.offerings.publish(caller, id), 'offering-published');
  }

  @Post(':id/archiver')
  @Roles('vendor')
  archive(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.transition(request, reply, caller, id, () => this.offerings.archive(caller, id), 'offering-archived');
  }

  /** A refused publication shows what is missing, or why the action no longer applies, on the offering's page. */
  private async transition(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    run: () => Promise<OfferingDto>,
    done: FlashCode,
  ): Promise<void> {
    const outcome = await attempt(run, async (r) => {
      const offering = await this.ownOffering(caller, id);
      const errors = r.error.code === 'OFFERING_NOT_PUBLISHABLE' ? frenchDomainFieldErrors(r.error) : {};
      this.pages.offering(reply, request, offering, {
        values: offeringToValues(offering),
        errors,
        message: r.message,
        status: r.status,
        publishRefused: true,
      });
    });
    if (outcome.done) seeOther(reply, request, withFlash(offeringPath(id), done));
  }

  /** The offering, for its vendor's members only: others get 404 (not visible) or 403 (published, but not theirs). */
  private async ownOffering(caller: Caller, id: string): Promise<OfferingDto> {
    const offering = await this.offerings.get(caller, id);
    if (!isActiveMemberOf(caller, offering.vendor.id)) throw CommonErrors.FORBIDDEN();
    return offering;
  }
}
