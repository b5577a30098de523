import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PartnerIntakeService } from '../../partners/partner-intake.service.js';
import { BUYER_TYPE_LABELS } from '../../reference/organisation-kinds.js';
import { ReferenceService } from '../../reference/reference.service.js';
import { CONSOLE_CSP } from '../web-setup.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { WebViews } from '../shared/views.js';
import { parseEmbedNeed, type EmbedNeedValues } from './embed-need.form.js';

const EMPTY: EmbedNeedValues = {
  name: '',
  siren: '',
  nafCode: '',
  communeCode: '',
  buyerType: 'tpe',
  contactEmail: '',
  title: '',
  description: '',
  useCase: '',
};

/** The console's policy, except who may frame the page: the partner's declared origins only. */
export function embedCsp(allowedOrigins: readonly string[]): string {
  const ancestors = allowedOrigins.length ? allowedOrigins.join(' ') : "'none'";
  return CONSOLE_CSP.replace("frame-ancestors 'none'", `frame-ancestors ${ancestors}`);
}

/**
 * A partner's need form, framed on its own site (issue 20, decision 029): it leaves a draft as
 * POST /partner/needs does, with no key — so it is throttled per IP and only the partner's
 * declared origins may frame it. Outside /app: no console session or CSRF cookie, which a
 * third-party frame would not get anyway.
 */
@ConsoleController('embed/besoin')
export class WebEmbedController {
  constructor(
    private readonly views: WebViews,
    private readonly intake: PartnerIntakeService,
    private readonly reference: ReferenceService,
  ) {}

  @Get(':partnerId')
  async form(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
  ): Promise<void> {
    const partner = await this.intake.embedTarget(partnerId);
    this.page(request, reply, partner, { values: EMPTY, errors: {}, done: false });
  }

  @Post(':partnerId')
  @HttpCode(200)
  async submit(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Body() body: unknown,
  ): Promise<void> {
    const partner = await this.intake.embedTarget(partnerId);
    const parsed = parseEmbedNeed(body);
    if ('errors' in parsed) return this.page(request, reply, partner, { values: parsed.values, errors: parsed.errors, done: false }, 400);
    await this.intake.createFromEmbed(partnerId, request.ip, parsed.dto);
    this.page(request, reply, partner, { values: EMPTY, errors: {}, done: true });
  }

  private page(
    request: FastifyRequest,
    reply: FastifyReply,
    partner: { id: string; name: string; allowedOrigins: string[] },
    data: { values: EmbedNeedValues; errors: Record<string, string | undefined>; done: boolean },
    status = 200,
  ): void {
    void reply.header('content-security-policy', embedCsp(partner.allowedOrigins));
    // helmet's X-Frame-Options: SAMEORIGIN would forbid any frame; frame-ancestors says who may.
    reply.raw.removeHeader('x-frame-options');
    this.views.send(
      reply,
      request,
      'embed/need-form',
      'Décrire un besoin',
      {
        ...data,
        partnerId: partner.id,
        partnerName: partner.name,
        buyerTypes: Object.entries(BUYER_TYPE_LABELS),
        useCases: this.reference.useCases().map((u) => ({ code: u.code, label: u.label })),
      },
      status,
    );
  }
}
