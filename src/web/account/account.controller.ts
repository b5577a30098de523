import { Body, Get, Headers, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../../auth/auth.service.js';
import { AuthRateLimitGuard } from '../../auth/rate-limit.guard.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { searchCommunes } from '../../reference/geo/commune-search.js';
import type { Role } from '../../identity/roles.js';
import { attempt } from '../shared/form-input.js';
import { frenchErrorMessage } from '../shared/french-messages.js';
import { WebSessionService } from '../shared/web-session.service.js';
import { withFlash } from '../shared/flash.js';
import { safeReturnPath } from '../shared/return-path.js';
import { LOGIN_LABELS, parseLogin } from './login.form.js';
import {
  buyerTypeOptions,
  parseRegister,
  REGISTER_LABELS,
  REGISTER_MAX_LENGTHS,
  roleOfProfile,
  type RegisterRole,
} from './register.form.js';
import { TERMS_VERSION } from '../../account-links/terms.js';
import { CompanyRegistry } from '../../company-registry/company-registry.port.js';
import { NoCompanyRegistry } from '../../company-registry/recherche-entreprises.registry.js';
import { prefillFromRegistry, registerIntent, typedSiren, type RegistryNotice } from './registry-prefill.js';
import { frenchDate } from './terms-version.js';
import { seeOther, WebViews } from '../shared/views.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';

/** Where each role lands after signing in. */
const HOMES: Readonly<Record<Role, string>> = {
  vendor: '/app/fournisseur',
  buyer: '/app/acheteur',
  curator: '/app/curation',
  admin: '/app/curation',
  partner: '/app/partenaire',
};
const homeOf = (role: Role): string => HOMES[role];

/** What the sign-up page shows: the form's fields, its limits and the terms version to accept. */
const registerView = (
  role: RegisterRole | null,
  values: Record<string, unknown>,
  errors: Record<string, string[]>,
  registryOn: boolean,
  notice?: RegistryNotice,
) => ({
  role,
  registryOn,
  notice,
  values,
  errors,
  labels: REGISTER_LABELS,
  max: REGISTER_MAX_LENGTHS,
  buyerTypes: buyerTypeOptions(),
  termsVersion: frenchDate(TERMS_VERSION),
});

/** Sign in, sign up and sign out, on the API's AuthService and rate limit. */
@ConsoleController('app')
export class WebAccountController {
  constructor(
    private readonly views: WebViews,
    private readonly auth: AuthService,
    private readonly sessions: WebSessionService,
    private readonly registry: CompanyRegistry,
  ) {}

  private get registryOn(): boolean {
    return !(this.registry instanceof NoCompanyRegistry);
  }

  @Get('connexion')
  loginPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('retour') retour?: string): void {
    this.views.send(reply, request, 'account/login', 'Se connecter', {
      values: {},
      errors: {},
      labels: LOGIN_LABELS,
      retour: safeReturnPath(retour),
    });
  }

  @Post('connexion')
  @UseGuards(AuthRateLimitGuard)
  async login(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
    @Headers('user-agent') userAgent?: string,
  ): Promise<void> {
    const { credentials, email, retour, errors } = parseLogin(body);
    const again = (message: string | undefined, status: number) =>
      this.views.send(
        reply,
        request,
        'account/login',
        'Se connecter',
        { values: { email }, errors, labels: LOGIN_LABELS, retour, message },
        status,
      );
    if (!credentials) return again(undefined, 400);
    try {
      const user = await this.auth.validateCredentials(credentials.email, credentials.password, request.ip);
      const session = await this.auth.login(user, userAgent);
      this.sessions.store(reply, session);
      seeOther(reply, request, withFlash(retour !== '/app' ? retour : homeOf(user.role), 'signed-in'));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVALID_CREDENTIALS') {
        again(frenchErrorMessage(error.code), 401);
        return;
      }
      throw error;
    }
  }

  @Get('inscription')
  registerPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('profil') profil?: string): void {
    this.views.send(reply, request, 'account/register', 'Créer un compte', registerView(roleOfProfile(profil), {}, {}, this.registryOn));
  }

  @Post('inscription')
  @UseGuards(AuthRateLimitGuard)
  async register(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
    @Headers('user-agent') userAgent?: string,
  ): Promise<void> {
    const form = await parseRegister(body);
    const again = (errors: Record<string, string[]>, message: string | undefined, status: number) =>
      this.views.send(
        reply,
        request,
        'account/register',
        'Créer un compte',
        { ...registerView(form.role, form.values, errors, this.registryOn), message },
        status,
      );
    if (registerIntent(body) === 'lookup') return this.fillFromRegistry(request, reply, form.role, form.values);
    if (!form.dto) return again(form.errors, undefined, 400);
    const dto = form.dto;
    const saved = await attempt(
      async () => ({ session: await this.auth.register(dto, userAgent), role: dto.role }),
      (r) => again(r.error.code === 'EMAIL_TAKEN' ? { email: [r.message] } : r.errors, r.message, r.status),
    );
    if (!saved.done) return;
    const { session, role: registered } = saved.value;
    this.sessions.store(reply, session);
    seeOther(
      reply,
      request,
      withFlash(homeOf(registered), session.user.membershipStatus === 'pending' ? 'registered-pending' : 'registered-verify'),
    );
  }

  /** "Remplir depuis le SIREN": the same form again, filled from the registry, nothing saved. */
  private async fillFromRegistry(
    request: FastifyRequest,
    reply: FastifyReply,
    role: RegisterRole,
    values: Record<string, unknown>,
  ): Promise<void> {
    const siren = typedSiren(values);
    if (!siren) {
      const errors = { 'organisation.siren': ['Saisissez les 9 chiffres du SIREN pour chercher votre organisation.'] };
      return this.views.send(
        reply,
        request,
        'account/register',
        'Créer un compte',
        registerView(role, values, errors, this.registryOn),
        400,
      );
    }
    const filled = prefillFromRegistry(values, await this.registry.lookup(siren));
    this.views.send(
      reply,
      request,
      'account/register',
      'Créer un compte',
      registerView(role, filled.values, {}, this.registryOn, filled.notice),
    );
  }

  @Post('deconnexion')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.sessions.end(request, reply);
    seeOther(reply, request, withFlash('/app', 'signed-out'));
  }

  /** Suggestions for commune inputs (a <datalist>), fed by htmx as the user types. */
  @Get('communes')
  communes(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: Record<string, unknown>): void {
    const q = Object.values(query).find((v): v is string => typeof v === 'string' && v.trim().length >= 2 && v.length <= 100);
    const items = q ? searchCommunes({ q, offset: 0, limit: 12 }).items : [];
    this.views.sendFragment(reply, request, 'partials/commune-options', { items });
  }
}
