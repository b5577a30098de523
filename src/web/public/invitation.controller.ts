import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type AuthenticatedUser, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { NeedInvitationsService } from '../../partners/need-invitations.service.js';
import { needPath } from '../buyer/buyer-pages.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { seeOther, WebViews } from '../shared/views.js';

/**
 * Where a partner's invitation e-mail leads (decision 029): what was prepared and by whom; a
 * signed-in buyer of the company takes the draft into their space in one click, anyone else is
 * told how to sign in or register with the company's SIREN.
 */
@ConsoleController('app/invitations')
export class WebInvitationController {
  constructor(
    private readonly views: WebViews,
    private readonly invitations: NeedInvitationsService,
  ) {}

  @Get(':token')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('token') token: string): Promise<void> {
    const invitation = await this.invitations.preview(token);
    const user = (request as FastifyRequest & { user?: AuthenticatedUser }).user;
    this.views.send(reply, request, 'public/invitation', 'Un besoin préparé pour vous', {
      invitation,
      token,
      buyer: user?.role === 'buyer',
    });
  }

  @Post(':token')
  @Roles('buyer')
  async claim(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('token') token: string,
  ): Promise<void> {
    const claimed = await this.invitations.claim(caller, token);
    seeOther(reply, request, needPath(claimed.needId));
  }
}
