import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { ListIntroductionsQueryDto } from '../../introductions/dto/introduction-input.dto.js';
import { IntroductionsService } from '../../introductions/introductions.service.js';
import { LeadsService } from '../../matches/leads.service.js';
import { OfferingsService } from '../../offerings/offerings.service.js';
import { VendorOfferingsQueryDto } from '../../vendors/dto/vendor.dto.js';
import { VendorsService } from '../../vendors/vendors.service.js';
import { VendorVerificationService } from '../../vendors/vendor-verification.service.js';
import { withFlash } from '../shared/flash.js';
import { attempt } from '../shared/form-input.js';
import { parseVerificationText } from '../curation/vendor-decision.form.js';
import { BUYER_TYPE_LABELS } from '../shared/organisation.labels.js';
import { seeOther, WebViews } from '../shared/views.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';

const LEADS_SHOWN = 20;

/**
 * The vendor space's dashboard and an offering's leads. Every read goes through the service the
 * API uses, with the caller; the pages only lay out what comes back.
 */
@ConsoleController('app/fournisseur')
export class WebVendorController {
  constructor(
    private readonly views: WebViews,
    private readonly vendors: VendorsService,
    private readonly offerings: OfferingsService,
    private readonly leads: LeadsService,
    private readonly introductions: IntroductionsService,
    private readonly verification: VendorVerificationService,
  ) {}

  @Get()
  @Roles('vendor')
  async dashboard(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): Promise<void> {
    await this.renderDashboard(request, reply, caller, {}, 200);
  }

  /** The vendor answers a curator's question; the organisation goes back to the curators' queue. */
  @Post('verification/reponse')
  @Roles('vendor')
  async answer(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseVerificationText(body, 'answer');
    if (!form.dto) return this.renderDashboard(request, reply, caller, form, 400);
    const { message } = form.dto;
    const done = await attempt(
      () => this.verification.answer(caller, caller.organisationId ?? '', message),
      (r) => this.renderDashboard(request, reply, caller, { ...form, message: r.message }, r.status),
    );
    if (done.done) seeOther(reply, request, withFlash('/app/fournisseur', 'verification-answered'));
  }

  private async renderDashboard(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    form: { values?: Record<string, unknown>; errors?: Record<string, string[]>; message?: string },
    status: number,
  ): Promise<void> {
    const organisationId = caller.organisationId;
    if (!organisationId || caller.membershipStatus !== 'active') {
      // Not a member yet: only what anyone may see of the organisation (its public page, once verified).
      const vendor = organisationId ? await this.vendors.get(caller, organisationId).catch(notFoundAsNull) : null;
      this.views.send(reply, request, 'vendor/dashboard', 'Espace fournisseur', {
        vendor,
        membershipStatus: caller.membershipStatus,
        offerings: null,
        introductions: null,
      });
      return;
    }
    const [vendor, offerings, introductions, verification] = await Promise.all([
      this.vendors.get(caller, organisationId),
      this.vendors.listOfferings(caller, organisationId, Object.assign(new VendorOfferingsQueryDto(), { page: 1, pageSize: 100 })),
      this.introductions.list(caller, Object.assign(new ListIntroductionsQueryDto(), { page: 1, pageSize: 20 })),
      this.verification.show(caller, organisationId),
    ]);
    this.views.send(
      reply,
      request,
      'vendor/dashboard',
      'Espace fournisseur',
      { vendor, membershipStatus: caller.membershipStatus, offerings, introductions, verification, ...form },
      status,
    );
  }

  @Get('offres/:id/pistes')
  @Roles('vendor')
  async leadsPage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    // The service decides who sees leads (members of the offering's vendor) and anonymises them.
    const leads = await this.leads.leadsOf(caller, id, LEADS_SHOWN);
    const offering = await this.offerings.get(caller, id);
    this.views.send(reply, request, 'vendor/leads', `Pistes : ${offering.title}`, { offering, leads, buyerTypes: BUYER_TYPE_LABELS });
  }
}

const notFoundAsNull = (error: unknown): null => {
  if (error instanceof DomainError && error.status === 404) return null;
  throw error;
};
