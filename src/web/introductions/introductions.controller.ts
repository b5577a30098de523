import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { ListIntroductionsQueryDto } from '../../introductions/dto/introduction-input.dto.js';
import type { IntroductionDto } from '../../introductions/dto/introduction.dto.js';
import { INTRODUCTION_OUTCOMES } from '../../introductions/introduction-lifecycle.js';
import { DECLINE_REASON_LABELS } from '../../introductions/introduction.labels.js';
import { IntroductionTransitionsService } from '../../introductions/introduction-transitions.service.js';
import { IntroductionsService } from '../../introductions/introductions.service.js';
import { attempt, pageNumber, type Parsed } from '../shared/form-input.js';
import { INTRODUCTION_OUTCOME_LABELS } from '../shared/introduction.labels.js';
import { withFlash, type FlashCode } from '../shared/flash.js';
import { seeOther, WebViews } from '../shared/views.js';
import {
  DECLINE_LABELS,
  OUTCOME_LABELS,
  declineReasonOptions,
  lostReasonOptions,
  parseAnswer,
  parseDecline,
  parseOutcome,
  valueBandOptions,
} from './introduction-answer.form.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { InjectConfig, type ConfigSlices } from '../../config/config-slices.js';
import { introductionNextStep } from '../shared/introduction-next-step.js';

const BASE = '/app/mises-en-relation';

/**
 * Introductions as a vendor or a buyer sees them (DESIGN §4, §8), on the API's services: the
 * other side's contacts appear only when the service's DTO carries them, i.e. once both accepted.
 */
@ConsoleController('app/mises-en-relation')
export class WebIntroductionsController {
  constructor(
    private readonly views: WebViews,
    private readonly introductions: IntroductionsService,
    private readonly transitions: IntroductionTransitionsService,
    @InjectConfig('reminders') private readonly reminders: ConfigSlices['reminders'],
  ) {}

  @Get()
  @Roles('vendor', 'buyer')
  async list(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Query('page') page?: string,
  ): Promise<void> {
    if (caller.membershipStatus !== 'active') {
      this.views.send(reply, request, 'introductions/list', 'Mises en relation', {
        inactive: true,
        pending: caller.membershipStatus === 'pending',
      });
      return;
    }
    const query = Object.assign(new ListIntroductionsQueryDto(), { page: pageNumber(page), pageSize: 20 });
    const result = await this.introductions.list(caller, query);
    this.views.send(reply, request, 'introductions/list', 'Mises en relation', { result, side: caller.role });
  }

  @Get(':id')
  @Roles('vendor', 'buyer')
  async detail(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    this.sendDetail(reply, request, await this.introductions.get(caller, id));
  }

  @Post(':id/accepter')
  @Roles('vendor', 'buyer')
  async accept(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.act(
      request,
      reply,
      caller,
      id,
      await parseAnswer(body),
      (dto) => this.transitions.accept(caller, id, dto),
      'introduction-accepted',
    );
  }

  @Post(':id/decliner')
  @Roles('vendor', 'buyer')
  async decline(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseDecline(body);
    const open = { declineValues: form.values, declineOpen: true };
    if (!form.dto)
      return this.sendDetail(reply, request, await this.introductions.get(caller, id), { declineErrors: form.errors, ...open }, 400);
    await this.act(request, reply, caller, id, form, (dto) => this.transitions.decline(caller, id, dto), 'introduction-declined', open);
  }

  @Post(':id/rendez-vous')
  @Roles('vendor', 'buyer')
  async meetingHeld(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.act(
      request,
      reply,
      caller,
      id,
      await parseAnswer(body),
      (dto) => this.transitions.meetingHeld(caller, id, dto),
      'introduction-updated',
    );
  }

  @Post(':id/issue')
  @Roles('vendor', 'buyer')
  async outcome(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseOutcome(body);
    const kept = { outcomeValues: form.values };
    if (!form.dto)
      return this.sendDetail(reply, request, await this.introductions.get(caller, id), { outcomeErrors: form.errors, ...kept }, 400);
    await this.act(request, reply, caller, id, form, (dto) => this.transitions.outcome(caller, id, dto), 'introduction-updated', kept);
  }

  /** Runs an answer; a refused one shows the introduction again with the French reason. */
  private async act<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    form: Parsed<T>,
    run: (dto: T) => Promise<IntroductionDto>,
    flash: FlashCode,
    keep: Record<string, unknown> = {},
  ): Promise<void> {
    const dto = form.dto;
    if (!dto) {
      this.sendDetail(
        reply,
        request,
        await this.introductions.get(caller, id),
        { message: 'Le formulaire est incomplet ; rechargez la page et recommencez.', ...keep },
        400,
      );
      return;
    }
    const done = await attempt(
      () => run(dto),
      async (r) => this.sendDetail(reply, request, await this.introductions.get(caller, id), { message: r.message, ...keep }, r.status),
    );
    if (done.done) seeOther(reply, request, withFlash(`${BASE}/${id}`, flash));
  }

  private sendDetail(
    reply: FastifyReply,
    request: FastifyRequest,
    introduction: IntroductionDto,
    data: Record<string, unknown> = {},
    status = 200,
  ): void {
    const side = introduction.viewerSide === 'vendor' ? 'vendor' : 'buyer';
    const other = side === 'vendor' ? introduction.buyer : introduction.vendor;
    this.views.send(
      reply,
      request,
      'introductions/detail',
      `Mise en relation : ${introduction.offering.title}`,
      {
        i: introduction,
        side,
        other,
        nextStep: introductionNextStep(introduction.status, side, this.reminders.enabled ? this.reminders.days : null),
        canAccept: introduction.allowedEvents.includes(side === 'vendor' ? 'vendor_accept' : 'buyer_accept'),
        canDecline: introduction.allowedEvents.includes(side === 'vendor' ? 'vendor_decline' : 'buyer_decline'),
        canMeet: introduction.allowedEvents.includes('meeting_held'),
        canConclude: introduction.allowedEvents.includes('won') || introduction.allowedEvents.includes('lost'),
        reasons: declineReasonOptions(),
        reasonLabels: DECLINE_REASON_LABELS,
        outcomes: INTRODUCTION_OUTCOMES.filter((o) => introduction.allowedEvents.includes(o)).map((code) => ({
          code,
          label: INTRODUCTION_OUTCOME_LABELS[code],
        })),
        outcomeLabels: INTRODUCTION_OUTCOME_LABELS,
        labels: DECLINE_LABELS,
        declineErrors: {},
        declineValues: {},
        valueBands: valueBandOptions(),
        lostReasons: lostReasonOptions(),
        outcomeLabelsByField: OUTCOME_LABELS,
        outcomeErrors: {},
        outcomeValues: {},
        ...data,
      },
      status,
    );
  }
}
