import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../auth/caller.js';
import { Public } from '../../auth/public.decorator.js';
import { Roles } from '../../auth/roles.decorator.js';
import { RejectClaimDto, VerifyClaimDto } from '../../offerings/dto/offering-input.dto.js';
import { OfferingClaimsService } from '../../offerings/offering-claims.service.js';
import { VendorListQueryDto } from '../../vendors/dto/vendor.dto.js';
import { VendorsService } from '../../vendors/vendors.service.js';
import { asForm, attempt, submitForm, text } from '../shared/form-input.js';
import { claimValueLabel } from './curation.labels.js';
import { withFlash } from '../shared/flash.js';
import { WebExceptionFilter } from '../shared/web-exception.filter.js';
import { seeOther, WebViews } from '../shared/views.js';

const PAGE_SIZE = 20;
/** Offerings per page of claims: each carries a dozen claims with their forms. */
const CLAIMS_PAGE_SIZE = 8;

/** A claim's form state after a refusal: which form, what was typed, what was wrong. */
interface ClaimFormState {
  key?: string;
  comment?: string;
  errors?: Record<string, string[]>;
  message?: string;
}

const pageOf = (value: unknown): number => (typeof value === 'string' && /^\d{1,4}$/.test(value) && Number(value) > 0 ? Number(value) : 1);

/**
 * What curators verify: vendor organisations (GET /vendors?verified=false, POST /vendors/:id/verify)
 * and the claims of sovereignty profiles with their evidence (GET /offerings/claims-to-review,
 * POST /offerings/:id/claims/:claim/verify|reject).
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('app/curation')
export class WebCurationVerificationController {
  constructor(
    private readonly views: WebViews,
    private readonly vendors: VendorsService,
    private readonly claims: OfferingClaimsService,
  ) {}

  @Get('fournisseurs')
  @Roles('curator', 'admin')
  async vendorsPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Query('page') page?: string): Promise<void> {
    await this.renderVendors(request, reply, caller, pageOf(page), null, 200);
  }

  @Post('fournisseurs/:id/verifier')
  @Roles('curator', 'admin')
  async verifyVendor(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const verified = await attempt(() => this.vendors.verify(caller, id), (r) => this.renderVendors(request, reply, caller, 1, r.message, r.status));
    if (!verified.done) return;
    seeOther(reply, request, withFlash('/app/curation/fournisseurs', 'vendor-verified'));
  }

  @Get('preuves')
  @Roles('curator', 'admin')
  async claimsPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Query('page') page?: string): Promise<void> {
    await this.renderClaims(request, reply, caller, pageOf(page), {}, 200);
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
    const comment = text(asForm(body), 'comment');
    await this.decide(request, reply, caller, id, claim, 'verify', comment, VerifyClaimDto, (dto) => this.claims.verify(caller, id, claim, dto.comment));
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
    const comment = text(asForm(body), 'comment');
    await this.decide(request, reply, caller, id, claim, 'reject', comment, RejectClaimDto, (dto) => this.claims.reject(caller, id, claim, dto.comment));
  }

  private async decide<T extends object>(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    claim: string,
    action: 'verify' | 'reject',
    comment: string | undefined,
    dtoClass: new () => T,
    run: (dto: T) => Promise<unknown>,
  ): Promise<void> {
    const key = `${id}:${claim}`;
    const page = pageOf(text(asForm(request.body), 'page'));
    const decided = await submitForm(dtoClass, { comment }, run, {
      invalid: (errors) => {
        const message = action === 'reject' ? 'Le rejet doit être motivé : le fournisseur lit ce commentaire.' : 'Le commentaire est à corriger.';
        return this.renderClaims(request, reply, caller, page, { key, comment, errors, message }, 400);
      },
      refused: (r) => this.renderClaims(request, reply, caller, page, { key, comment, errors: r.errors, message: r.message }, r.status),
    });
    if (!decided.done) return;
    const back = page > 1 ? `/app/curation/preuves?page=${page}` : '/app/curation/preuves';
    seeOther(reply, request, withFlash(back, action === 'verify' ? 'claim-verified' : 'claim-rejected'));
  }

  private async renderVendors(request: FastifyRequest, reply: FastifyReply, caller: Caller, page: number, message: string | null, status: number): Promise<void> {
    const [waiting, verified] = await Promise.all([
      this.vendors.list(Object.assign(new VendorListQueryDto(), { verified: false, page, pageSize: PAGE_SIZE }), caller),
      this.vendors.list(Object.assign(new VendorListQueryDto(), { verified: true, page: 1, pageSize: PAGE_SIZE }), caller),
    ]);
    this.views.send(reply, request, 'curation/vendors', 'Fournisseurs à vérifier', { waiting, verified, message, pages: Math.max(1, Math.ceil(waiting.total / PAGE_SIZE)) }, status);
  }

  private async renderClaims(request: FastifyRequest, reply: FastifyReply, caller: Caller, page: number, state: ClaimFormState, status: number): Promise<void> {
    const review = await this.claims.pendingReview(caller, { page, pageSize: CLAIMS_PAGE_SIZE });
    this.views.send(
      reply,
      request,
      'curation/claims',
      'Preuves à vérifier',
      { review, state: { errors: {}, ...state }, pages: Math.max(1, Math.ceil(review.total / CLAIMS_PAGE_SIZE)), claimValueLabel, today: new Date().toISOString().slice(0, 10) },
      status,
    );
  }
}
