import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { OfferingClaimsService } from '../../offerings/offering-claims.service.js';
import { VendorEstablishmentParamsDto } from '../../vendors/dto/vendor-establishment.dto.js';
import { VendorListQueryDto } from '../../vendors/dto/vendor.dto.js';
import { VendorEstablishmentsService } from '../../vendors/vendor-establishments.service.js';
import { VendorsService } from '../../vendors/vendors.service.js';
import { attempt, pageNumber } from '../shared/form-input.js';
import { parseClaimDecision, type ParsedClaimDecision } from './claim-decision.form.js';
import { claimValueLabel } from './curation.labels.js';
import { withFlash } from '../shared/flash.js';
import { seeOther, WebViews } from '../shared/views.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';

const PAGE_SIZE = 20;
const FIRST_PAGES = { waiting: 1, sites: 1 };
/** Offerings per page of claims: each carries a dozen claims with their forms. */
const CLAIMS_PAGE_SIZE = 8;
/** Evidence expiring soonest, shown above the claims to review; the API pages the rest. */
const EXPIRING_PAGE_SIZE = 50;

/** A claim's form state after a refusal: which form, what was typed, what was wrong. */
interface ClaimFormState {
  key?: string;
  comment?: string;
  errors?: Record<string, string[]>;
  message?: string;
}

/** Which list of the vendors' page a page number belongs to. */
interface VendorPages {
  waiting: number;
  sites: number;
}

/**
 * What curators verify: the queue of vendor organisations (GET /vendors?verified=false; each one's
 * file and decisions are WebCurationVendorController's) and their establishments (POST|DELETE /vendors/:id/establishments/:siret/confirmation), and the
 * claims of sovereignty profiles with their evidence (GET /offerings/claims-to-review,
 * POST /offerings/:id/claims/:claim/verify|reject).
 */
@ConsoleController('app/curation')
export class WebCurationVerificationController {
  constructor(
    private readonly views: WebViews,
    private readonly vendors: VendorsService,
    private readonly establishments: VendorEstablishmentsService,
    private readonly claims: OfferingClaimsService,
  ) {}

  @Get('fournisseurs')
  @Roles('curator', 'admin')
  async vendorsPage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Query('page') page?: string,
    @Query('sites') sites?: string,
  ): Promise<void> {
    await this.renderVendors(request, reply, caller, { waiting: pageNumber(page), sites: pageNumber(sites) }, null, 200);
  }

  @Post('fournisseurs/:id/etablissements/:siret/confirmer')
  @Roles('curator', 'admin')
  async confirmEstablishment(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param() params: VendorEstablishmentParamsDto,
  ): Promise<void> {
    await this.onEstablishment(
      request,
      reply,
      caller,
      () => this.establishments.confirm(caller, params.id, params.siret),
      'establishment-confirmed',
    );
  }

  @Post('fournisseurs/:id/etablissements/:siret/retirer-confirmation')
  @Roles('curator', 'admin')
  async unconfirmEstablishment(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param() params: VendorEstablishmentParamsDto,
  ): Promise<void> {
    await this.onEstablishment(
      request,
      reply,
      caller,
      () => this.establishments.unconfirm(caller, params.id, params.siret),
      'establishment-unconfirmed',
    );
  }

  /** A curator's decision on a site: back to the vendors page with its flash, or the page again with the error. */
  private async onEstablishment(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    act: () => Promise<unknown>,
    flash: 'establishment-confirmed' | 'establishment-unconfirmed',
  ): Promise<void> {
    const done = await attempt(act, (r) => this.renderVendors(request, reply, caller, FIRST_PAGES, r.message, r.status));
    if (done.done) seeOther(reply, request, withFlash('/app/curation/fournisseurs', flash));
  }

  @Get('preuves')
  @Roles('curator', 'admin')
  async claimsPage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Query('page') page?: string,
  ): Promise<void> {
    await this.renderClaims(request, reply, caller, pageNumber(page), {}, 200);
  }

  @Post('offres/:id/preuves/:claim/verifier')
  @Roles('curator', 'admin')
  async verifyClaim(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('claim') claim: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.decide(request, reply, caller, id, claim, await parseClaimDecision(body, 'verify'), (comment) =>
      this.claims.verify(caller, id, claim, comment),
    );
  }

  @Post('offres/:id/preuves/:claim/rejeter')
  @Roles('curator', 'admin')
  async rejectClaim(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('claim') claim: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.decide(request, reply, caller, id, claim, await parseClaimDecision(body, 'reject'), (comment) =>
      this.claims.reject(caller, id, claim, comment ?? ''),
    );
  }

  private async decide(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    claim: string,
    form: ParsedClaimDecision,
    run: (comment: string | undefined) => Promise<unknown>,
  ): Promise<void> {
    const { comment, page } = form;
    const key = `${id}:${claim}`;
    if (!form.dto)
      return this.renderClaims(request, reply, caller, page, { key, comment, errors: form.errors, message: form.invalidMessage }, 400);
    const dto = form.dto;
    const decided = await attempt(
      () => run(dto.comment),
      (r) => this.renderClaims(request, reply, caller, page, { key, comment, errors: r.errors, message: r.message }, r.status),
    );
    if (!decided.done) return;
    const back = page > 1 ? `/app/curation/preuves?page=${page}` : '/app/curation/preuves';
    seeOther(reply, request, withFlash(back, form.action === 'reject' ? 'claim-rejected' : 'claim-verified'));
  }

  private async renderVendors(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    page: VendorPages,
    message: string | null,
    status: number,
  ): Promise<void> {
    const query = (q: Partial<VendorListQueryDto>) => Object.assign(new VendorListQueryDto(), { pageSize: PAGE_SIZE, ...q });
    const [waiting, waitingVendor, toConfirm, verified] = await Promise.all([
      this.vendors.list(query({ verified: false, page: page.waiting }), caller),
      this.vendors.list(query({ verified: false, verificationStatus: 'waiting_vendor', page: 1 }), caller),
      this.vendors.list(query({ verified: true, establishmentsToConfirm: true, page: page.sites }), caller),
      this.vendors.list(query({ verified: true, page: 1 }), caller),
    ]);
    const pages = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));
    this.views.send(
      reply,
      request,
      'curation/vendors',
      'Fournisseurs à vérifier',
      { waiting, waitingVendor, toConfirm, verified, message, pages: pages(waiting.total), sitePages: pages(toConfirm.total) },
      status,
    );
  }

  private async renderClaims(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    page: number,
    state: ClaimFormState,
    status: number,
  ): Promise<void> {
    const [review, expiring] = await Promise.all([
      this.claims.pendingReview(caller, { page, pageSize: CLAIMS_PAGE_SIZE }),
      this.claims.expiring(caller, { page: 1, pageSize: EXPIRING_PAGE_SIZE }),
    ]);
    this.views.send(
      reply,
      request,
      'curation/claims',
      'Preuves à vérifier',
      {
        review,
        expiring,
        state: { errors: {}, ...state },
        pages: Math.max(1, Math.ceil(review.total / CLAIMS_PAGE_SIZE)),
        claimValueLabel,
        today: new Date().toISOString().slice(0, 10),
      },
      status,
    );
  }
}
