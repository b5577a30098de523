import { isUseCaseCode } from '../../reference/data/use-case.types.js';
import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Roles } from '../../identity/roles.decorator.js';
import { CommonErrors } from '../../common/errors/common.errors.js';
import { MatchingService } from '../../matches/matching.service.js';
import { NeedsService } from '../../needs/needs.service.js';
import { withFlash } from '../shared/flash.js';
import { attempt } from '../shared/form-input.js';
import { seeOther } from '../shared/views.js';
import { BUYER_HOME, BuyerPages, editable, needPath, stepPath } from './buyer-pages.js';
import { needToValues, parseNeedStep, parseNewNeed, stepOf } from './need-step.form.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';

/** Posting a need in steps: the draft is created at step 1, each step saves it, step 4 previews the market depth. */
@ConsoleController('app/acheteur/besoins')
export class WebNeedStepsController {
  constructor(
    private readonly pages: BuyerPages,
    private readonly needs: NeedsService,
    private readonly matching: MatchingService,
  ) {}

  @Get('nouveau')
  @Roles('buyer')
  newNeed(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): void {
    if (caller.membershipStatus !== 'active') return seeOther(reply, request, BUYER_HOME);
    // From the catalogue ("Déposer un besoin de ce type"): the use case comes pre-ticked.
    const asked = (request.query as Record<string, unknown> | undefined)?.useCase;
    this.pages.step(reply, request, null, 1, { values: { useCases: isUseCaseCode(asked) ? [asked] : [] }, errors: {} });
  }

  /** Step 1 of a new need: the draft is created here, so the later steps and the market depth work on it. */
  @Post('nouveau')
  @Roles('buyer')
  async create(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
  ): Promise<void> {
    const form = await parseNewNeed(body);
    if (!form.dto) return this.pages.step(reply, request, null, 1, { values: form.values, errors: form.errors }, 400);
    const dto = form.dto;
    const created = await attempt(
      () => this.needs.create(caller, dto),
      (r) => this.pages.step(reply, request, null, 1, { values: form.values, errors: r.errors, message: r.message }, r.status),
    );
    if (created.done) seeOther(reply, request, withFlash(stepPath(created.value.id, 2), 'need-saved'));
  }

  @Get(':id/etape/:step')
  @Roles('buyer')
  async show(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('step') rawStep: string,
  ): Promise<void> {
    const step = stepOf(rawStep);
    const need = await this.needs.get(caller, id);
    if (step === null) throw CommonErrors.NOT_FOUND();
    if (!editable(need)) return seeOther(reply, request, needPath(id));
    const depth = step === 4 ? await this.matching.marketDepth(caller, id) : null;
    this.pages.step(reply, request, need, step, { values: needToValues(need), errors: {}, depth });
  }

  @Post(':id/etape/:step')
  @Roles('buyer')
  async save(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('step') rawStep: string,
    @Body() body: unknown,
  ): Promise<void> {
    const step = stepOf(rawStep);
    const need = await this.needs.get(caller, id);
    if (step === null) throw CommonErrors.NOT_FOUND();
    const form = await parseNeedStep(step, body, need);
    const again = async (errors: Record<string, string[]>, message: string | undefined, status: number) =>
      this.pages.step(
        reply,
        request,
        need,
        step,
        { values: form.values, errors, message, depth: step === 4 ? await this.matching.marketDepth(caller, id) : null },
        status,
      );
    if (!form.dto) return again(form.errors, undefined, 400);
    const dto = form.dto;
    const outcome = await attempt(
      () => this.needs.update(caller, id, dto),
      (r) => again(r.errors, r.message, r.status),
    );
    if (!outcome.done) return;
    const saved = outcome.value;
    if (form.added.length > 0) {
      // Without JavaScript the suggestions appear only now: show them ticked before moving on.
      const depth = await this.matching.marketDepth(caller, id);
      return this.pages.step(reply, request, saved, step, { values: needToValues(saved), errors: {}, added: form.added, depth });
    }
    const flash = saved.status === 'changes_requested' ? 'need-changes-saved' : 'need-saved';
    seeOther(reply, request, withFlash(step < 4 ? stepPath(id, step + 1) : `${needPath(id)}/verification`, flash));
  }

  /**
   * htmx, on each change of step 4: saves the draft (its requirements) and answers the market
   * depth of the saved draft, the new version, and the requirement boxes when suggestions were added.
   */
  @Post(':id/profondeur')
  @Roles('buyer')
  async depthPreview(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const need = await this.needs.get(caller, id);
    const form = await parseNeedStep(4, body, need);
    if (!form.dto)
      return this.pages.depthPreview(reply, request, { message: 'Corrigez les champs de cette étape pour mettre à jour l’estimation.' });
    const dto = form.dto;
    const outcome = await attempt(
      () => this.needs.update(caller, id, dto),
      (r) => this.pages.depthPreview(reply, request, { message: r.message }),
    );
    if (!outcome.done) return;
    this.pages.depthPreview(reply, request, { depth: await this.matching.marketDepth(caller, id), need: outcome.value, added: form.added });
  }
}
