import { Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TERMS_VERSION } from '../../account-links/terms.js';
import { InjectConfig, type ConfigSlices } from '../../config/config-slices.js';
import { frenchDate } from '../account/terms-version.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { WebViews } from '../shared/views.js';

/** The pages every footer links to (issue 23): legal notice and terms, personal data, accessibility. */
@ConsoleController('app')
export class WebLegalController {
  constructor(
    private readonly views: WebViews,
    @InjectConfig('legal') private readonly legal: ConfigSlices['legal'],
  ) {}

  private facts() {
    return { contactEmail: this.legal.contactEmail, termsVersion: frenchDate(TERMS_VERSION) };
  }

  @Get('mentions-legales')
  notice(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.views.send(reply, request, 'public/legal-notice', "Mentions légales et conditions d'utilisation", this.facts());
  }

  @Get('donnees-personnelles')
  privacy(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.views.send(reply, request, 'public/privacy', 'Données personnelles', this.facts());
  }

  @Get('accessibilite')
  accessibility(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.views.send(reply, request, 'public/accessibility', "Déclaration d'accessibilité", this.facts());
  }
}
