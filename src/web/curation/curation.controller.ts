import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { LeadInboxService } from '../../lead-alerts/lead-inbox.service.js';
import { Roles } from '../../identity/roles.decorator.js';
import { IntroductionsService } from '../../introductions/introductions.service.js';
import { ListNeedsQueryDto } from '../../needs/dto/need-query.dto.js';
import type { NeedDto } from '../../needs/dto/need.dto.js';
import { NeedTransitionsService } from '../../needs/need-transitions.service.js';
import { NeedsService } from '../../needs/needs.service.js';
import { OfferingClaimsService } from '../../offerings/offering-claims.service.js';
import { OfferingsService } from '../../offerings/offerings.service.js';
import type { OrganisationDto } from '../../organisations/dto/organisation.dto.js';
import { OrganisationsService } from '../../organisations/organisations.service.js';
import { VendorListQueryDto } from '../../vendors/dto/vendor.dto.js';
import { VendorsService } from '../../vendors/vendors.service.js';
import { attempt, pageNumber, type Parsed } from '../shared/form-input.js';
import {
  parseCloseByCurator,
  parseProposal,
  parsePublish,
  parseReject,
  parseRequestChanges,
  proposalFields,
} from './need-decision.form.js';
import { BUYER_TYPE_LABELS } from '../shared/organisation.labels.js';
import { NEED_TABS } from './curation.labels.js';
import { withFlash, type FlashCode } from '../shared/flash.js';
import { seeOther, WebViews } from '../shared/views.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import type { NeedPageState } from './curation-need.view.js';
import { CurationNeedPage } from './curation-need-page.js';

const QUEUE_PAGE_SIZE = 30;

/**
 * The curators' queue and a need's file: publish, ask for changes, reject, close, and for a
 * published need the ranked matches with their explanation and the proposal of introductions.
 * Same services and DTOs as /needs, /needs/:id/matches and /introductions.
 */
@ConsoleController('app/curation')
export class WebCurationController {
  constructor(
    private readonly views: WebViews,
    private readonly page: CurationNeedPage,
    private readonly needs: NeedsService,
    private readonly transitions: NeedTransitionsService,
    private readonly introductions: IntroductionsService,
    private readonly organisations: OrganisationsService,
    private readonly vendors: VendorsService,
    private readonly claims: OfferingClaimsService,
    private readonly offerings: OfferingsService,
    private readonly leads: LeadInboxService,
  ) {}

  @Get()
  @Roles('curator', 'admin')
  async queue(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Query('statut') statut?: string,
    @Query('page') pageParam?: string,
  ): Promise<void> {
    const tab = NEED_TABS.find((t) => t.status === statut) ?? NEED_TABS[0];
    const query = Object.assign(new ListNeedsQueryDto(), {
      status: tab.status,
      sort: tab.sort,
      page: pageNumber(pageParam),
      pageSize: QUEUE_PAGE_SIZE,
    });
    const [needs, vendorsWaiting, claimsWaiting, submitted] = await Promise.all([
      this.needs.list(caller, query),
      this.vendors.list(Object.assign(new VendorListQueryDto(), { verified: false, page: 1, pageSize: 1 }), caller),
      this.claims.pendingReview(caller, { page: 1, pageSize: 1 }),
      tab.status === 'submitted'
        ? null
        : this.needs.list(caller, Object.assign(new ListNeedsQueryDto(), { status: 'submitted', page: 1, pageSize: 1 })),
    ]);
    const [organisations, interested] = await Promise.all([
      this.organisationsOf(caller, needs.items),
      this.leads.interestedCounts(needs.items.map((n) => n.id)),
    ]);
    this.views.send(
      reply,
      request,
      'curation/queue',
      tab.status === 'submitted' ? 'File de relecture des besoins' : `Besoins : ${tab.label.toLowerCase()}`,
      {
        tab,
        tabs: NEED_TABS,
        needs,
        organisations,
        interested: Object.fromEntries(interested),
        counts: { submitted: submitted?.total ?? needs.total, vendors: vendorsWaiting.total, claims: claimsWaiting.total },
        pages: Math.max(1, Math.ceil(needs.total / QUEUE_PAGE_SIZE)),
        buyerTypes: BUYER_TYPE_LABELS,
      },
    );
  }

  @Get('besoins/:id')
  @Roles('curator', 'admin')
  async need(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.page.render(request, reply, caller, id, {}, 200);
  }

  @Post('besoins/:id/publier')
  @Roles('curator', 'admin')
  async publish(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const need = await this.needs.get(caller, id);
    await this.act(
      request,
      reply,
      caller,
      id,
      'publish',
      await parsePublish(body, need),
      (dto) => this.transitions.publish(caller, id, dto),
      'need-published',
    );
  }

  @Post('besoins/:id/demander-modifications')
  @Roles('curator', 'admin')
  async requestChanges(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.act(
      request,
      reply,
      caller,
      id,
      'request-changes',
      await parseRequestChanges(body),
      (dto) => this.transitions.requestChanges(caller, id, dto),
      'need-changes-requested',
    );
  }

  @Post('besoins/:id/refuser')
  @Roles('curator', 'admin')
  async reject(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.act(
      request,
      reply,
      caller,
      id,
      'reject',
      await parseReject(body),
      (dto) => this.transitions.reject(caller, id, dto),
      'need-rejected',
    );
  }

  @Post('besoins/:id/clore')
  @Roles('curator', 'admin')
  async close(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.act(
      request,
      reply,
      caller,
      id,
      'close',
      await parseCloseByCurator(body),
      (dto) => this.transitions.close(caller, id, dto),
      'need-closed',
    );
  }

  /** One click per match: the curator's message is optional here, a sober default is written otherwise. */
  @Post('besoins/:id/mises-en-relation')
  @Roles('curator', 'admin')
  async propose(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const need = await this.needs.get(caller, id);
    const fields = proposalFields(body);
    const offering = fields.offeringToName ? await this.offerings.get(caller, fields.offeringToName).catch(() => null) : null;
    const form = await parseProposal(id, fields, need.title, offering?.title);
    const state = (errors: Record<string, string[]>, msg?: string): NeedPageState => ({
      form: 'propose',
      values: form.values,
      errors,
      message: msg,
    });
    if (!form.dto)
      return this.page.render(request, reply, caller, id, state(form.errors, "La mise en relation n'a pas pu être proposée."), 400);
    const dto = form.dto;
    const proposed = await attempt(
      () => this.introductions.propose(caller, dto),
      (r) => this.page.render(request, reply, caller, id, state(r.errors, r.message), r.status),
    );
    if (!proposed.done) return;
    seeOther(reply, request, `${withFlash(`/app/curation/besoins/${id}`, 'introduction-proposed')}#correspondances`);
  }

  /** Validates with the API's DTO, runs the transition, and redirects or re-renders the file with French errors. */
  private async act<T extends object>(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    formName: string,
    form: Parsed<T>,
    run: (dto: T) => Promise<NeedDto>,
    flash: FlashCode,
  ): Promise<void> {
    const values = form.values;
    if (!form.dto) return this.page.render(request, reply, caller, id, { form: formName, values, errors: form.errors }, 400);
    const dto = form.dto;
    const done = await attempt(
      () => run(dto),
      (r) => this.page.render(request, reply, caller, id, { form: formName, values, errors: r.errors, message: r.message }, r.status),
    );
    if (!done.done) return;
    seeOther(reply, request, withFlash(`/app/curation/besoins/${id}`, flash));
  }

  /** The buyer organisations of a page of needs, as GET /organisations/:id shows them to staff. */
  private async organisationsOf(caller: Caller, needs: readonly NeedDto[]): Promise<Record<string, OrganisationDto>> {
    const ids = [...new Set(needs.map((n) => n.organisationId))];
    const found = await Promise.all(ids.map((id) => this.organisations.get(caller, id).catch(() => null)));
    return Object.fromEntries(found.filter((o): o is OrganisationDto => o !== null).map((o) => [o.id, o]));
  }
}
