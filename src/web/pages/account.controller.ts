import { Body, Controller, Get, Headers, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../../auth/auth.service.js';
import { RegisterDto } from '../../auth/dto/auth.dto.js';
import { Public } from '../../identity/public.decorator.js';
import { AuthRateLimitGuard } from '../../auth/rate-limit.guard.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { BUYER_TYPES } from '../../reference/organisation-kinds.js';
import { searchCommunes } from '../../reference/geo/commune-search.js';
import type { Role } from '../../identity/roles.js';
import { asForm, communeCode, submitForm, text } from '../forms/form-input.js';
import { frenchErrorMessage } from '../forms/french-messages.js';
import { WebSessionService } from '../session/web-session.service.js';
import { withFlash } from './flash.js';
import { safeReturnPath, WebExceptionFilter } from './web-exception.filter.js';
import { seeOther, WebViews } from './web-views.js';

export const BUYER_TYPE_LABELS: Record<(typeof BUYER_TYPES)[number], string> = {
  tpe: 'TPE (moins de 10 salariés)',
  pme: 'PME (10 à 249 salariés)',
  eti: 'ETI ou grande entreprise',
  collectivite: 'Collectivité territoriale ou établissement public',
  association: 'Association',
  autre: 'Autre',
};

export const homeOf = (role: Role): string =>
  role === 'vendor' ? '/app/fournisseur' : role === 'buyer' ? '/app/acheteur' : '/app/curation';

const REGISTER_LABELS: Record<string, string> = {
  displayName: 'Nom et prénom',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  phone: 'Téléphone',
  'organisation.name': "Nom de l'organisation",
  'organisation.siren': 'SIREN',
  'organisation.nafCode': 'Code NAF (APE)',
  'organisation.communeCode': 'Commune du siège',
  'organisation.buyerType': "Type d'organisation",
  'organisation.website': 'Site web',
};

/** Sign in, sign up and sign out, on the API's AuthService and rate limit. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('app')
export class WebAccountController {
  constructor(
    private readonly views: WebViews,
    private readonly auth: AuthService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get('connexion')
  loginPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('retour') retour?: string): void {
    this.views.send(reply, request, 'account/login', 'Se connecter', { values: {}, retour: safeReturnPath(retour) });
  }

  @Post('connexion')
  @UseGuards(AuthRateLimitGuard)
  async login(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown, @Headers('user-agent') userAgent?: string): Promise<void> {
    const form = asForm(body);
    const email = text(form, 'email') ?? '';
    const password = typeof form.password === 'string' ? form.password : '';
    const retour = safeReturnPath(text(form, 'retour'));
    const again = (message: string, status: number) =>
      this.views.send(reply, request, 'account/login', 'Se connecter', { values: { email }, retour, message }, status);
    if (!email || !password || email.length > 254 || password.length > 128) {
      again('Saisissez votre adresse e-mail et votre mot de passe.', 400);
      return;
    }
    try {
      const user = await this.auth.validateCredentials(email, password);
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
    const role = profil === 'fournisseur' ? 'vendor' : profil === 'acheteur' ? 'buyer' : null;
    this.views.send(reply, request, 'account/register', 'Créer un compte', { role, values: {}, errors: {}, labels: REGISTER_LABELS, buyerTypes: buyerTypeOptions() });
  }

  @Post('inscription')
  @UseGuards(AuthRateLimitGuard)
  async register(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown, @Headers('user-agent') userAgent?: string): Promise<void> {
    const form = asForm(body);
    const role = text(form, 'role') === 'vendor' ? 'vendor' : 'buyer';
    const values: Record<string, unknown> = { ...form, password: undefined, _csrf: undefined };
    const plain = {
      role,
      displayName: text(form, 'displayName'),
      email: text(form, 'email'),
      password: typeof form.password === 'string' ? form.password : undefined,
      phone: text(form, 'phone'),
      organisation: {
        name: text(form, 'organisation.name'),
        siren: text(form, 'organisation.siren')?.replace(/\s/g, ''),
        nafCode: text(form, 'organisation.nafCode')?.toUpperCase(),
        communeCode: communeCode(form, 'organisation.communeCode'),
        buyerType: role === 'buyer' ? text(form, 'organisation.buyerType') : undefined,
        website: text(form, 'organisation.website'),
      },
    };
    const again = (errors: Record<string, string[]>, message: string | undefined, status: number) =>
      this.views.send(reply, request, 'account/register', 'Créer un compte', { role, values, errors, message, labels: REGISTER_LABELS, buyerTypes: buyerTypeOptions() }, status);

    const saved = await submitForm(RegisterDto, plain, async (dto) => ({ session: await this.auth.register(dto, userAgent), role: dto.role }), {
      invalid: (errors) => again(errors, undefined, 400),
      refused: (r) => again(r.error.code === 'EMAIL_TAKEN' ? { email: [r.message] } : r.errors, r.message, r.status),
    });
    if (!saved.done) return;
    const { session, role: registered } = saved.value;
    this.sessions.store(reply, session);
    seeOther(reply, request, withFlash(homeOf(registered), session.user.membershipStatus === 'pending' ? 'registered-pending' : 'registered'));
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

function buyerTypeOptions() {
  return BUYER_TYPES.map((code) => ({ code, label: BUYER_TYPE_LABELS[code] }));
}
