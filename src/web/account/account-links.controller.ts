import { Body, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EmailVerificationService } from '../../accounts/email-verification.service.js';
import { PasswordResetService } from '../../accounts/password-reset.service.js';
import { AuthRateLimitGuard } from '../../auth/rate-limit.guard.js';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { withFlash } from '../shared/flash.js';
import { attempt } from '../shared/form-input.js';
import { seeOther, WebViews } from '../shared/views.js';
import { ACCOUNT_LINK_LABELS, isLinkToken, parseForgot, parseNewPassword } from './account-links.form.js';

const FORGOT = 'Mot de passe oublié';
const NEW_PASSWORD = 'Choisir un nouveau mot de passe';
const CONFIRM = 'Confirmer mon adresse e-mail';
const RESENT_RECENTLY =
  "Un e-mail de confirmation est parti il y a moins d'une minute : regardez dans votre boîte de réception et les indésirables, ou réessayez dans un instant.";

/** Forgotten password, new password and address confirmation pages (issue 23), on the API's services. */
@ConsoleController('app')
export class WebAccountLinksController {
  constructor(
    private readonly views: WebViews,
    private readonly resets: PasswordResetService,
    private readonly verifications: EmailVerificationService,
  ) {}

  @Get('mot-de-passe-oublie')
  forgotPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.views.send(reply, request, 'account/forgot', FORGOT, { values: {}, errors: {}, labels: ACCOUNT_LINK_LABELS });
  }

  /** The same page whether or not the address has an account: it never tells. */
  @Post('mot-de-passe-oublie')
  @UseGuards(AuthRateLimitGuard)
  async forgot(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const form = parseForgot(body);
    if (!form.email) {
      this.views.send(reply, request, 'account/forgot', FORGOT, { ...form, labels: ACCOUNT_LINK_LABELS }, 400);
      return;
    }
    await this.resets.request(form.email);
    this.views.send(reply, request, 'account/forgot', FORGOT, { values: {}, errors: {}, labels: ACCOUNT_LINK_LABELS, sentTo: form.email });
  }

  @Get('nouveau-mot-de-passe')
  newPasswordPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('jeton') jeton?: string): void {
    this.views.send(reply, request, 'account/new-password', NEW_PASSWORD, {
      token: isLinkToken(jeton) ? jeton : null,
      errors: {},
      labels: ACCOUNT_LINK_LABELS,
    });
  }

  @Post('nouveau-mot-de-passe')
  @UseGuards(AuthRateLimitGuard)
  async newPassword(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const form = parseNewPassword(body);
    const again = (errors: Record<string, string[]>, message: string | undefined, status: number, token = form.token ?? null) =>
      this.views.send(
        reply,
        request,
        'account/new-password',
        NEW_PASSWORD,
        { token, errors, message, labels: ACCOUNT_LINK_LABELS },
        status,
      );
    if (!form.token) return again({}, undefined, 400, null);
    if (!form.password || Object.keys(form.errors).length) return again(form.errors, undefined, 400);
    const { token, password } = form;
    const done = await attempt(
      () => this.resets.reset(token, password, String(request.id)),
      (r) => (r.error.code === 'ACCOUNT_LINK_INVALID' ? again({}, r.message, r.status, null) : again(r.errors, r.message, r.status)),
    );
    if (done.done) seeOther(reply, request, withFlash('/app/connexion', 'password-reset'));
  }

  /** The link of the confirmation e-mail: one click confirms (the token is the proof, no session needed). */
  @Get('verifier-email')
  async verify(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('jeton') jeton?: string): Promise<void> {
    const failed = (message: string) => this.views.send(reply, request, 'account/confirm-email', CONFIRM, { failed: message }, 400);
    if (!isLinkToken(jeton)) return failed("Ce lien est incomplet : copiez-le en entier depuis l'e-mail, ou demandez-en un nouveau.");
    const done = await attempt(
      () => this.verifications.verify(jeton),
      (r) => failed(r.message),
    );
    if (done.done) this.views.send(reply, request, 'account/confirm-email', CONFIRM, { verified: true });
  }

  @Get('confirmer-adresse')
  @Roles('vendor', 'buyer')
  confirmPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): void {
    this.views.send(reply, request, 'account/confirm-email', CONFIRM, { verified: caller.emailVerified === true, status: true });
  }

  @Post('confirmer-adresse')
  @Roles('vendor', 'buyer')
  @UseGuards(AuthRateLimitGuard)
  async resend(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): Promise<void> {
    const done = await attempt(
      () => this.verifications.resend(caller),
      (r) => {
        const message = r.error.code === 'RATE_LIMITED' ? RESENT_RECENTLY : r.message;
        this.views.send(reply, request, 'account/confirm-email', CONFIRM, { status: true, message }, r.status);
      },
    );
    if (done.done) seeOther(reply, request, withFlash('/app/confirmer-adresse', 'verification-sent'));
  }
}
