import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { CreateApiKeyDto } from '../../partners/dto/api-key.dto.js';
import { InvitationResendService } from '../../partners/invitation-resend.service.js';
import { PartnersService } from '../../partners/partners.service.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { withFlash } from '../shared/flash.js';
import { asForm, list, submitForm, text, typedValues } from '../shared/form-input.js';
import { seeOther } from '../shared/views.js';
import { PartnerPage } from './partner-page.js';

const HOME = '/app/partenaire';

/**
 * The partner-admins' console (decision 029): their partner's keys (created with the secret shown
 * once, revoked), webhook and its deliveries, the needs it brought (invitation sent again), and its
 * figures. Only their own partner: the services check it as for the API.
 */
@ConsoleController('app/partenaire')
export class WebPartnerController {
  constructor(
    private readonly page: PartnerPage,
    private readonly partners: PartnersService,
    private readonly resends: InvitationResendService,
  ) {}

  @Get()
  @Roles('partner')
  show(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): Promise<void> {
    return this.page.send(reply, request, caller);
  }

  @Post('cles')
  @Roles('partner')
  async createKey(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
  ): Promise<void> {
    const form = asForm(body);
    const values = typedValues(form);
    const acting = await this.page.acting(caller);
    const created = await submitForm(
      CreateApiKeyDto,
      { label: text(form, 'label') ?? '', scopes: list(form, 'scopes') },
      (dto) => this.partners.createKey(acting, dto),
      {
        invalid: (errors) => this.page.send(reply, request, caller, { values, errors, status: 400 }),
        refused: (r) => this.page.send(reply, request, caller, { values, errors: r.errors, message: r.message, status: r.status }),
      },
    );
    // Shown on this answer only, never again: no redirect that would lose it.
    if (created.done) await this.page.send(reply, request, caller, { created: created.value, status: 201 });
  }

  @Post('cles/:keyId/revoquer')
  @Roles('partner')
  async revokeKey(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('keyId', ParseUUIDPipe) keyId: string,
  ): Promise<void> {
    await this.partners.revokeKey(await this.page.acting(caller), keyId);
    seeOther(reply, request, withFlash(HOME, 'partner-key-revoked'));
  }

  @Post('besoins/:needId/invitation')
  @Roles('partner')
  async resend(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('needId', ParseUUIDPipe) needId: string,
  ): Promise<void> {
    await this.resends.resend(await this.page.acting(caller), needId);
    seeOther(reply, request, withFlash(HOME, 'invitation-resent'));
  }
}
