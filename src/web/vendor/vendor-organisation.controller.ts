import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { CommonErrors } from '../../common/errors/common.errors.js';
import { OrganisationsService } from '../../organisations/organisations.service.js';
import { VendorsService } from '../../vendors/vendors.service.js';
import { withFlash } from '../shared/flash.js';
import { attempt } from '../shared/form-input.js';
import { seeOther } from '../shared/views.js';
import { organisationToValues, parseOrganisation } from './organisation.form.js';
import { VendorPages } from './vendor-pages.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';

/** The vendor's organisation: public profile and legal data, saved by one use case of the vendor feature. */
@ConsoleController('app/fournisseur/organisation')
export class WebVendorOrganisationController {
  constructor(
    private readonly pages: VendorPages,
    private readonly vendors: VendorsService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get()
  @Roles('vendor')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): Promise<void> {
    const { organisation, vendor } = await this.own(caller);
    this.pages.organisation(reply, request, vendor, { values: organisationToValues(organisation, vendor) });
  }

  @Post()
  @Roles('vendor')
  async save(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
  ): Promise<void> {
    const { organisation, vendor } = await this.own(caller);
    const form = await parseOrganisation(body);
    if (!form.dto) return this.pages.organisation(reply, request, vendor, { values: form.values, errors: form.errors, status: 400 });
    const dto = form.dto;
    const saved = await attempt(
      () => this.vendors.update(caller, organisation.id, dto),
      (r) =>
        this.pages.organisation(reply, request, vendor, {
          values: form.values,
          errors: form.place(r.errors),
          message: r.message,
          status: r.status,
        }),
    );
    if (saved.done) seeOther(reply, request, withFlash('/app/fournisseur/organisation', 'profile-saved'));
  }

  /** The caller's organisation, read as its member (403 otherwise), then its vendor profile. */
  private async own(caller: Caller) {
    if (!caller.organisationId) throw CommonErrors.FORBIDDEN();
    const organisation = await this.organisations.get(caller, caller.organisationId);
    return { organisation, vendor: await this.vendors.get(caller, caller.organisationId) };
  }
}
