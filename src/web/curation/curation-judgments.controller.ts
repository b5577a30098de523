import { Body, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { JudgmentsService } from '../../judgments/judgments.service.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { withFlash, type FlashCode } from '../shared/flash.js';
import { attempt, type Refused } from '../shared/form-input.js';
import { seeOther } from '../shared/views.js';
import { CurationNeedPage, type JudgmentWidgetState } from './curation-need-page.js';
import { judgmentField, judgmentLabels, parseJudgment } from './judgment.form.js';

const NOT_SAVED = "Votre avis n'a pas pu être enregistré.";

/**
 * "Pertinent / pas pertinent" on each offering of a need's file (issue 26), through the same
 * service as PUT and DELETE /needs/:needId/matches/:offeringId/judgment. With htmx the offering's
 * mark is swapped in place (refusals included, as 200 fragments htmx swaps); without, the page again.
 */
@ConsoleController('app/curation/besoins/:id/offres/:offeringId/avis')
export class WebCurationJudgmentsController {
  constructor(
    private readonly page: CurationNeedPage,
    private readonly judgments: JudgmentsService,
  ) {}

  @Post()
  @Roles('curator', 'admin')
  async mark(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('offeringId', ParseUUIDPipe) offeringId: string,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseJudgment(offeringId, body);
    const refused = (r: Pick<Refused, 'errors' | 'message' | 'status'>) =>
      this.refuse(request, reply, caller, id, offeringId, { values: form.values, errors: r.errors, message: r.message }, r.status);
    if (!form.dto) return refused({ errors: form.errors, message: NOT_SAVED, status: 400 });
    const dto = form.dto;
    const done = await attempt(() => this.judgments.mark(caller, id, offeringId, dto), refused);
    if (done.done) await this.answer(request, reply, caller, id, offeringId, 'saved', 'judgment-saved');
  }

  @Post('retirer')
  @Roles('curator', 'admin')
  async unmark(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('offeringId', ParseUUIDPipe) offeringId: string,
  ): Promise<void> {
    await this.judgments.unmark(caller, id, offeringId);
    await this.answer(request, reply, caller, id, offeringId, 'removed', 'judgment-removed');
  }

  private async answer(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    offeringId: string,
    done: JudgmentWidgetState['done'],
    flash: FlashCode,
  ): Promise<void> {
    if (isHtmx(request)) return this.page.judgmentFragment(request, reply, caller, id, offeringId, { done });
    seeOther(reply, request, `${withFlash(`/app/curation/besoins/${id}`, flash)}#${judgmentField(offeringId, 'bloc')}`);
  }

  private async refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    offeringId: string,
    state: Required<Pick<JudgmentWidgetState, 'values' | 'errors' | 'message'>>,
    status: number,
  ): Promise<void> {
    if (isHtmx(request)) return this.page.judgmentFragment(request, reply, caller, id, offeringId, state);
    const page = { form: 'judgment', values: { ...state.values, offeringId }, errors: state.errors, message: state.message };
    await this.page.render(request, reply, caller, id, { ...page, labels: judgmentLabels(offeringId) }, status);
  }
}

const isHtmx = (request: FastifyRequest): boolean => request.headers['hx-request'] === 'true';
