import { Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnsubscribeService } from '../../lead-alerts/unsubscribe.service.js';
import { CONSOLE_CSP } from '../web-setup.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { WebViews } from '../shared/views.js';

/**
 * One-click unsubscribe from lead alerts (issue 18, RFC 8058), outside /app on purpose: the signed
 * link is the credential, and mail clients POST `List-Unsubscribe=One-Click` to it with no session
 * and no CSRF token. A GET only shows the button (link scanners fetch links; they must not unsubscribe).
 */
@ConsoleController('desabonnement')
export class WebUnsubscribeController {
  constructor(
    private readonly views: WebViews,
    private readonly unsubscribe: UnsubscribeService,
  ) {}

  @Get(':token')
  confirm(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('token') token: string): void {
    this.unsubscribe.check(token);
    void reply.header('content-security-policy', CONSOLE_CSP);
    this.views.send(reply, request, 'public/unsubscribe', 'Se désabonner des alertes', { token, done: false });
  }

  @Post(':token')
  @HttpCode(200)
  async perform(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('token') token: string): Promise<void> {
    await this.unsubscribe.unsubscribe(token);
    void reply.header('content-security-policy', CONSOLE_CSP);
    this.views.send(reply, request, 'public/unsubscribe', 'Désabonnement confirmé', { token, done: true });
  }
}
