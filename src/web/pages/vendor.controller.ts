import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { isActiveMemberOf } from '../../identity/access.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Public } from '../../identity/public.decorator.js';
import { Roles } from '../../identity/roles.decorator.js';
import { CommonErrors } from '../../common/errors/common.errors.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { ListIntroductionsQueryDto } from '../../introductions/dto/introduction-input.dto.js';
import { IntroductionsService } from '../../introductions/introductions.service.js';
import { LeadsService } from '../../matches/leads.service.js';
import type { OfferingDto } from '../../offerings/dto/offering.dto.js';
import { CreateOfferingDto, UpdateOfferingDto } from '../../offerings/dto/offering-input.dto.js';
import { isEditable } from '../../offerings/offering-rules.js';
import type { OfferingStatus } from '../../offerings/offering.entity.js';
import { OfferingsService } from '../../offerings/offerings.service.js';
import { UpdateOrganisationDto } from '../../organisations/dto/organisation-input.dto.js';
import { OrganisationsService } from '../../organisations/organisations.service.js';
import { UpdateVendorDto, VendorOfferingsQueryDto, type VendorDto } from '../../vendors/dto/vendor.dto.js';
import { VendorsService } from '../../vendors/vendors.service.js';
import { asForm, attempt, checkWith, submitForm } from '../forms/form-input.js';
import { frenchDomainFieldErrors, frenchErrorMessage } from '../forms/french-messages.js';
import { BUYER_TYPE_LABELS } from './account.controller.js';
import { withFlash, type FlashCode } from './flash.js';
import {
  establishmentRows,
  headcountOptions,
  OFFERING_LABELS,
  offeringChoices,
  offeringErrors,
  offeringInput,
  offeringValues,
  organisationErrors,
  organisationInput,
  organisationLabels,
  organisationValues,
  typedValues,
  type FormValues,
} from './vendor-forms.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { seeOther, WebViews } from './web-views.js';

const HOME = '/app/fournisseur';
const LEADS_SHOWN = 20;
const offeringPath = (id: string): string => `${HOME}/offres/${id}`;

/**
 * The vendor space: dashboard, organisation profile, offerings with their sovereignty profile,
 * leads. Every read and write goes through the service the API uses, with the caller; the pages
 * only lay out what comes back (allowedActions decide the lifecycle buttons).
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('app/fournisseur')
export class WebVendorController {
  constructor(
    private readonly views: WebViews,
    private readonly vendors: VendorsService,
    private readonly organisations: OrganisationsService,
    private readonly offerings: OfferingsService,
    private readonly leads: LeadsService,
    private readonly introductions: IntroductionsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles('vendor')
  async dashboard(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): Promise<void> {
    const organisationId = caller.organisationId;
    if (!organisationId || caller.membershipStatus !== 'active') {
      // Not a member yet: only what anyone may see of the organisation (its public page, once verified).
      const vendor = organisationId ? await this.vendors.get(caller, organisationId).catch(notFoundAsNull) : null;
      this.views.send(reply, request, 'vendor/dashboard', 'Espace fournisseur', { vendor, membershipStatus: caller.membershipStatus, offerings: null, introductions: null });
      return;
    }
    const [vendor, offerings, introductions] = await Promise.all([
      this.vendors.get(caller, organisationId),
      this.vendors.listOfferings(caller, organisationId, Object.assign(new VendorOfferingsQueryDto(), { page: 1, pageSize: 100 })),
      this.introductions.list(caller, Object.assign(new ListIntroductionsQueryDto(), { page: 1, pageSize: 20 })),
    ]);
    this.views.send(reply, request, 'vendor/dashboard', 'Espace fournisseur', { vendor, membershipStatus: caller.membershipStatus, offerings, introductions });
  }

  /* ------------------------------------------------------------ organisation */

  @Get('organisation')
  @Roles('vendor')
  async organisationPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): Promise<void> {
    const { organisation, vendor } = await this.ownOrganisation(caller);
    this.sendOrganisation(reply, request, vendor, organisationValues(organisation, vendor), {}, undefined, 200);
  }

  @Post('organisation')
  @Roles('vendor')
  async saveOrganisation(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Body() body: unknown): Promise<void> {
    const { organisation, vendor } = await this.ownOrganisation(caller);
    const form = asForm(body);
    const values = typedValues(form);
    const input = organisationInput(form);
    const again = (errors: Record<string, string[]>, message: string | undefined, status: number) =>
      this.sendOrganisation(reply, request, vendor, values, organisationErrors(errors, input.rows), message, status);

    const [vendorCheck, organisationCheck] = await Promise.all([checkWith(UpdateVendorDto, input.vendor), checkWith(UpdateOrganisationDto, input.organisation)]);
    const profile = vendorCheck.value;
    const legal = organisationCheck.value;
    if (!profile || !legal) {
      again({ ...vendorCheck.errors, ...organisationCheck.errors }, undefined, 400);
      return;
    }
    // One transaction for both services: the legal data (checked against the SIREN) and the public
    // profile are saved together or not at all. Both write the same row, so the version moves on between them.
    const saved = await attempt(() => this.dataSource.transaction(async (manager) => {
      let version = profile.version;
      const changed =
        (legal.siret !== undefined && legal.siret !== organisation.siret) ||
        (legal.nafCode !== undefined && legal.nafCode !== organisation.nafCode) ||
        (legal.communeCode !== undefined && legal.communeCode !== organisation.communeCode) ||
        JSON.stringify((legal.establishments ?? []).map((e) => [e.siret, e.communeCode])) !==
          JSON.stringify(organisation.establishments.map((e) => [e.siret, e.communeCode]));
      if (changed) version = (await this.organisations.update(caller, organisation.id, legal, manager)).version;
      return this.vendors.update(caller, organisation.id, Object.assign(profile, { version }), manager);
    }), (r) => again(r.errors, r.message, r.status));
    if (saved.done) seeOther(reply, request, withFlash(`${HOME}/organisation`, 'profile-saved'));
  }

  private async ownOrganisation(caller: Caller) {
    if (!caller.organisationId) throw CommonErrors.FORBIDDEN();
    const organisation = await this.organisations.get(caller, caller.organisationId);
    const vendor = await this.vendors.get(caller, caller.organisationId);
    return { organisation, vendor };
  }

  private sendOrganisation(
    reply: FastifyReply,
    request: FastifyRequest,
    vendor: VendorDto,
    values: FormValues,
    errors: Record<string, string[]>,
    message: string | undefined,
    status: number,
  ): void {
    // The existing rows, then one empty row to add a site.
    const rows = establishmentRows(values) + 1;
    this.views.send(
      reply,
      request,
      'vendor/organisation',
      'Mon organisation',
      { vendor, values, errors, message, rows, labels: organisationLabels(rows), headcountBands: headcountOptions() },
      status,
    );
  }

  /* ------------------------------------------------------------ offerings */

  @Get('offres/nouvelle')
  @Roles('vendor')
  newOffering(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.sendOfferingForm(reply, request, null, { 'references.count': '0' }, {}, undefined, 200);
  }

  @Post('offres/nouvelle')
  @Roles('vendor')
  async createOffering(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Body() body: unknown): Promise<void> {
    const form = asForm(body);
    const { plain, evidenceClaims } = offeringInput(form, null);
    const again = (errors: Record<string, string[]>, message: string | undefined, status: number) =>
      this.sendOfferingForm(reply, request, null, typedValues(form), offeringErrors(errors, evidenceClaims), message, status);
    const created = await submitForm(CreateOfferingDto, plain, (dto) => this.offerings.create(caller, dto), {
      invalid: (errors) => again(errors, undefined, 400),
      refused: (r) => again(r.errors, r.message, r.status),
    });
    if (created.done) seeOther(reply, request, withFlash(offeringPath(created.value.id), 'offering-created'));
  }

  @Get('offres/:id')
  @Roles('vendor')
  async editOffering(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const offering = await this.ownOffering(caller, id);
    this.sendOfferingForm(reply, request, offering, offeringValues(offering), {}, undefined, 200);
  }

  @Post('offres/:id')
  @Roles('vendor')
  async updateOffering(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const current = await this.ownOffering(caller, id);
    const form = asForm(body);
    const { plain, evidenceClaims } = offeringInput(form, current);
    const again = (errors: Record<string, string[]>, message: string | undefined, status: number) =>
      this.sendOfferingForm(reply, request, current, typedValues(form), offeringErrors(errors, evidenceClaims), message, status);
    const saved = await submitForm(UpdateOfferingDto, plain, (dto) => this.offerings.update(caller, id, dto), {
      invalid: (errors) => again(errors, undefined, 400),
      refused: (r) => again(r.errors, r.message, r.status),
    });
    if (saved.done) seeOther(reply, request, withFlash(offeringPath(id), 'offering-saved'));
  }

  @Post('offres/:id/publier')
  @Roles('vendor')
  publish(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.transition(request, reply, caller, id, (c, i) => this.offerings.publish(c, i), 'offering-published');
  }

  @Post('offres/:id/archiver')
  @Roles('vendor')
  archive(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.transition(request, reply, caller, id, (c, i) => this.offerings.archive(c, i), 'offering-archived');
  }

  private async transition(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    action: (caller: Caller, id: string) => Promise<OfferingDto>,
    done: FlashCode,
  ): Promise<void> {
    try {
      await action(caller, id);
      seeOther(reply, request, withFlash(offeringPath(id), done));
    } catch (error) {
      if (!(error instanceof DomainError) || error.status !== 409) throw error;
      // What is missing, or why the action no longer applies, shown on the offering's page.
      const offering = await this.ownOffering(caller, id);
      const errors = error.code === 'OFFERING_NOT_PUBLISHABLE' ? frenchDomainFieldErrors(error) : {};
      this.sendOfferingForm(reply, request, offering, offeringValues(offering), errors, frenchErrorMessage(error.code, error.status), 409, true);
    }
  }

  /** The offering, for its vendor's members only: others get 404 (not visible) or 403 (published, but not theirs). */
  private async ownOffering(caller: Caller, id: string): Promise<OfferingDto> {
    const offering = await this.offerings.get(caller, id);
    if (!isActiveMemberOf(caller, offering.vendor.id)) throw CommonErrors.FORBIDDEN();
    return offering;
  }

  private sendOfferingForm(
    reply: FastifyReply,
    request: FastifyRequest,
    offering: OfferingDto | null,
    values: FormValues,
    errors: Record<string, string[]>,
    message: string | undefined,
    status: number,
    publishRefused = false,
  ): void {
    const title = offering ? `Offre : ${offering.title}` : 'Nouvelle offre';
    this.views.send(
      reply,
      request,
      'vendor/offering-form',
      title,
      {
        offering,
        editable: offering ? isEditable(offering.status as OfferingStatus) : true,
        values,
        errors,
        message,
        publishRefused,
        labels: OFFERING_LABELS,
        ...offeringChoices(),
      },
      status,
    );
  }

  /* ------------------------------------------------------------ leads */

  @Get('offres/:id/pistes')
  @Roles('vendor')
  async leadsPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
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
