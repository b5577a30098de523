import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { ListIntroductionsQueryDto } from '../../introductions/dto/introduction-input.dto.js';
import { IntroductionsService } from '../../introductions/introductions.service.js';
import { ListNeedsQueryDto } from '../../needs/dto/need-query.dto.js';
import { NeedTransitionsService } from '../../needs/need-transitions.service.js';
import { NeedsService } from '../../needs/needs.service.js';
import { withFlash } from '../shared/flash.js';
import { attempt, pageNumber } from '../shared/form-input.js';
import { seeOther, WebViews } from '../shared/views.js';
import { BuyerPages, editable, needPath } from './buyer-pages.js';
import { missingItems, parseCloseNeed, parseSubmitNeed } from './need-actions.form.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';

/** The buyer space: their needs, a need's page, its review, submission and closing. */
@ConsoleController('app/acheteur')
export class WebBuyerController {
  constructor(
    private readonly views: WebViews,
    private readonly pages: BuyerPages,
    private readonly needs: NeedsService,
    private readonly transitions: NeedTransitionsService,
    private readonly introductions: IntroductionsService,
  ) {}

  @Get()
  @Roles('buyer')
  async home(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Query('page') page?: string,
  ): Promise<void> {
    if (caller.membershipStatus !== 'active') {
      return this.views.send(reply, request, 'buyer/home', 'Mes besoins', {
        pending: caller.membershipStatus === 'pending',
        inactive: true,
      });
    }
    const query = Object.assign(new ListNeedsQueryDto(), { page: pageNumber(page), pageSize: 20 });
    const [result, awaiting] = await Promise.all([
      this.needs.list(caller, query),
      this.introductions.list(caller, Object.assign(new ListIntroductionsQueryDto(), { page: 1, pageSize: 100 })),
    ]);
    const toAnswer = awaiting.items.filter((i) => i.allowedEvents.includes('buyer_accept'));
    this.views.send(reply, request, 'buyer/home', 'Mes besoins', { result, toAnswer });
  }

  @Get('besoins/:id')
  @Roles('buyer')
  async need(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.pages.need(reply, request, caller, await this.needs.get(caller, id));
  }

  @Get('besoins/:id/verification')
  @Roles('buyer')
  async review(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const need = await this.needs.get(caller, id);
    if (!editable(need)) return seeOther(reply, request, needPath(id));
    await this.pages.review(reply, request, caller, need, {});
  }

  @Post('besoins/:id/soumettre')
  @Roles('buyer')
  async submit(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const need = await this.needs.get(caller, id);
    const form = await parseSubmitNeed(body);
    if (!form.dto)
      return this.pages.review(reply, request, caller, need, { message: 'Le formulaire est incomplet ; rechargez la page.' }, 400);
    const dto = form.dto;
    const submitted = await attempt(
      () => this.transitions.submit(caller, id, dto),
      (r) => this.pages.review(reply, request, caller, need, { message: r.message, missing: missingItems(r.error) }, r.status),
    );
    if (submitted.done) seeOther(reply, request, withFlash(needPath(id), 'need-submitted'));
  }

  @Post('besoins/:id/clore')
  @Roles('buyer')
  async close(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const need = await this.needs.get(caller, id);
    const form = await parseCloseNeed(body);
    if (!form.dto) return this.pages.need(reply, request, caller, need, { closeErrors: form.errors, closeValues: form.values }, 400);
    const dto = form.dto;
    const closed = await attempt(
      () => this.transitions.close(caller, id, dto),
      (r) => this.pages.need(reply, request, caller, need, { message: r.message }, r.status),
    );
    if (closed.done) seeOther(reply, request, withFlash(needPath(id), 'need-closed'));
  }
}
