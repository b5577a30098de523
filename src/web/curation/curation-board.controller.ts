import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { ListIntroductionsQueryDto } from '../../introductions/dto/introduction-input.dto.js';
import type { IntroductionDto } from '../../introductions/dto/introduction.dto.js';
import { IntroductionTransitionsService } from '../../introductions/introduction-transitions.service.js';
import { IntroductionsService } from '../../introductions/introductions.service.js';
import { attempt, type Parsed } from '../shared/form-input.js';
import { parseAnswer, parseOutcome } from '../introductions/introduction-answer.form.js';
import { DECLINE_REASON_LABELS } from '../../introductions/introduction.labels.js';
import { BOARD_COLUMNS, CURATOR_EVENT_ACTIONS } from './curation.labels.js';
import { withFlash } from '../shared/flash.js';
import { seeOther, WebViews } from '../shared/views.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { InjectConfig, type ConfigSlices } from '../../config/config-slices.js';
import type { IntroductionStatus } from '../../introductions/introduction-lifecycle.js';
import { introductionNextStep } from '../shared/introduction-next-step.js';

/** Cards per status on the board; the column says how many more there are. */
const PER_STATUS = 30;

/**
 * The introductions board: every introduction (GET /introductions as a curator sees it) in
 * columns by status, with the follow-up a curator may record where allowedEvents offers it.
 */
@ConsoleController('app/curation/mises-en-relation')
export class WebCurationBoardController {
  constructor(
    private readonly views: WebViews,
    private readonly introductions: IntroductionsService,
    private readonly transitions: IntroductionTransitionsService,
    @InjectConfig('reminders') private readonly reminders: ConfigSlices['reminders'],
  ) {}

  @Get()
  @Roles('curator', 'admin')
  async board(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): Promise<void> {
    await this.render(request, reply, caller, null, 200);
  }

  @Post(':id/rendez-vous')
  @Roles('curator', 'admin')
  async meetingHeld(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.act(request, reply, caller, await parseAnswer(body), (dto) => this.transitions.meetingHeld(caller, id, dto));
  }

  @Post(':id/issue')
  @Roles('curator', 'admin')
  async outcome(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.act(request, reply, caller, await parseOutcome(body, false), (dto) => this.transitions.outcome(caller, id, dto));
  }

  @Post(':id/annuler')
  @Roles('curator', 'admin')
  async cancel(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.act(request, reply, caller, await parseAnswer(body), (dto) => this.transitions.cancel(caller, id, dto));
  }

  private async act<T extends object>(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    form: Parsed<T>,
    run: (dto: T) => Promise<IntroductionDto>,
  ): Promise<void> {
    const dto = form.dto;
    if (!dto)
      return this.render(
        request,
        reply,
        caller,
        "L'action n'a pas abouti : le formulaire est incomplet. Rechargez la page et recommencez.",
        400,
      );
    const done = await attempt(
      () => run(dto),
      (r) => this.render(request, reply, caller, r.message, r.status),
    );
    if (!done.done) return;
    seeOther(reply, request, withFlash('/app/curation/mises-en-relation', 'introduction-updated'));
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    message: string | null,
    status: number,
  ): Promise<void> {
    const columns = await Promise.all(
      BOARD_COLUMNS.map(async (column) => {
        const pages = await Promise.all(
          column.statuses.map((s) =>
            this.introductions.list(caller, Object.assign(new ListIntroductionsQueryDto(), { status: s, page: 1, pageSize: PER_STATUS })),
          ),
        );
        const cards = pages.flatMap((p) => p.items).sort((a, b) => new Date(b.proposedAt).getTime() - new Date(a.proposedAt).getTime());
        const total = pages.reduce((n, p) => n + p.total, 0);
        return { ...column, cards, total };
      }),
    );
    this.views.send(
      reply,
      request,
      'curation/board',
      'Tableau des mises en relation',
      {
        columns,
        message,
        actions: CURATOR_EVENT_ACTIONS,
        nextStep: (status: IntroductionStatus) =>
          introductionNextStep(status, 'curator', this.reminders.enabled ? this.reminders.days : null),
        declineReasons: DECLINE_REASON_LABELS,
        total: columns.reduce((n, c) => n + c.total, 0),
      },
      status,
    );
  }
}
