import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { CreateApiKeyDto } from '../../partners/dto/api-key.dto.js';
import { InvitePartnerMemberDto } from '../../partners/dto/partner-member.dto.js';
import { PartnerMembersService } from '../../partners/partner-members.service.js';
import { DomainError } from '../../common/errors/domain-error.js';
import type { FieldError } from '../../common/errors/validation.js';
import { InvitationResendService } from '../../partners/invitation-resend.service.js';
import { PartnerWebhooksService } from '../../partners/partner-webhooks.service.js';
import { PartnersService } from '../../partners/partners.service.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { withFlash } from '../shared/flash.js';
import { asForm, list, submitForm, text, typedValues } from '../shared/form-input.js';
import { seeOther } from '../shared/views.js';
import { PartnerPage } from './partner-page.js';
import { webhookUrlMessage } from './partner.labels.js';

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
    private readonly webhooks: PartnerWebhooksService,
    private readonly members: PartnerMembersService,
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

  /** Invites a colleague as partner-admin of this partner (the API's rules and audit). */
  @Post('collegues')
  @Roles('partner')
  async inviteColleague(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
  ): Promise<void> {
    const form = asForm(body);
    const values = typedValues(form);
    const acting = await this.page.acting(caller);
    const invited = await submitForm(
      InvitePartnerMemberDto,
      { email: text(form, 'email') ?? '', displayName: text(form, 'displayName') ?? '' },
      (dto) => this.members.invite(caller, acting.partnerId, dto),
      {
        invalid: (errors) => this.page.send(reply, request, caller, { colleague: { values, errors }, status: 400 }),
        refused: (r) =>
          this.page.send(reply, request, caller, { colleague: { values, errors: r.errors, message: r.message }, status: r.status }),
      },
    );
    if (invited.done) seeOther(reply, request, withFlash(HOME, 'colleague-invited'));
  }

  @Post('collegues/:userId/retirer')
  @Roles('partner')
  async removeColleague(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    const acting = await this.page.acting(caller);
    await this.members.remove(caller, acting.partnerId, userId);
    seeOther(reply, request, withFlash(HOME, 'colleague-removed'));
  }

  /** Sets or replaces the webhook's address, screened as the API screens it; a new webhook's secret is shown once. */
  @Post('webhook')
  @Roles('partner')
  async setWebhook(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
  ): Promise<void> {
    const url = text(asForm(body), 'url') ?? '';
    const refuse = (message: string) => this.page.send(reply, request, caller, { hook: { url, errors: { url: [message] } }, status: 400 });
    if (!url) return refuse("Indiquez l'adresse qui recevra les notifications (https://…).");
    if (url.length > 500) return refuse("L'adresse est trop longue (500 caractères au plus).");
    const acting = await this.page.acting(caller);
    try {
      const changed = await this.webhooks.setUrl(acting, url);
      if (!changed.secret) return seeOther(reply, request, withFlash(HOME, 'webhook-saved'));
      return this.page.send(reply, request, caller, { hook: { secret: changed.secret }, status: 201 });
    } catch (error) {
      const problem = urlProblem(error);
      if (problem === null) throw error;
      return refuse(webhookUrlMessage(problem));
    }
  }

  /** A new secret, shown on this answer only. */
  @Post('webhook/secret')
  @Roles('partner')
  async rotateWebhookSecret(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): Promise<void> {
    const changed = await this.webhooks.rotateSecret(await this.page.acting(caller));
    await this.page.send(reply, request, caller, { hook: { secret: changed.secret ?? undefined } });
  }

  @Post('webhook/supprimer')
  @Roles('partner')
  async removeWebhook(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): Promise<void> {
    await this.webhooks.remove(await this.page.acting(caller));
    seeOther(reply, request, withFlash(HOME, 'webhook-removed'));
  }
}

/** The screening's message on `url`, or null for any other error. */
function urlProblem(error: unknown): string | null {
  if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return null;
  const field = (error.details as FieldError[]).find((d) => d.field === 'url');
  return field?.messages[0] ?? null;
}
