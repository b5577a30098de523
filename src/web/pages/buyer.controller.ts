import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../../identity/caller.js';
import { Public } from '../../identity/public.decorator.js';
import { Roles } from '../../identity/roles.decorator.js';
import { CommonErrors } from '../../common/errors/common.errors.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { ListIntroductionsQueryDto } from '../../introductions/dto/introduction-input.dto.js';
import type { IntroductionDto } from '../../introductions/dto/introduction.dto.js';
import { IntroductionsService } from '../../introductions/introductions.service.js';
import type { MarketDepthDto } from '../../matches/dto/match.dto.js';
import { MatchingService } from '../../matches/matching.service.js';
import { CloseNeedDto, NeedTransitionDto } from '../../needs/dto/need-actions.dto.js';
import { CreateNeedDto, UpdateNeedDto } from '../../needs/dto/need-input.dto.js';
import { ListNeedsQueryDto } from '../../needs/dto/need-query.dto.js';
import type { NeedDto } from '../../needs/dto/need.dto.js';
import { NeedTransitionsService } from '../../needs/need-transitions.service.js';
import { NeedsService } from '../../needs/needs.service.js';
import { CLOSE_OUTCOMES, NEED_MIN_GRADES, NEED_REACHES } from '../../needs/need.entity.js';
import { referenceData } from '../../reference/data/reference-data.js';
import { sovereigntyVocabulary } from '../../reference/sovereignty/sovereignty-vocabulary.js';
import { asForm, checkbox, communeCode, integer, list, submitForm, text, type FormBody } from '../forms/form-input.js';
import { withFlash } from './flash.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { seeOther, WebViews } from './web-views.js';
import { CLOSE_OUTCOME_LABELS } from './format.js';

/* The buyer space: their needs, posting a need in steps, and following it up. */

const BASE = '/app/acheteur';
const needPath = (id: string): string => `${BASE}/besoins/${id}`;
const stepPath = (id: string, step: number): string => `${needPath(id)}/etape/${step}`;

export const STEP_TITLES: Readonly<Record<number, string>> = {
  1: 'Quoi',
  2: 'Où',
  3: 'Budget et calendrier',
  4: 'Données et exigences',
  5: 'Vérification',
};

/** Field names as the buyer reads them, for the error summary and the incomplete-need message. */
export const NEED_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Titre du besoin',
  description: 'Description',
  useCases: "Cas d'usage",
  sector: "Secteur d'activité",
  communeCode: 'Commune',
  reach: 'Où chercher un fournisseur',
  acceptsRemote: 'Intervention à distance',
  minBudgetEur: 'Budget minimum',
  maxBudgetEur: 'Budget maximum',
  desiredStart: 'Début souhaité',
  deadline: 'Échéance',
  dataSensitivity: 'Sensibilité des données',
  requirements: 'Exigences',
  minSovereigntyGrade: 'Note de souveraineté minimale',
  version: 'Version',
};

/** The step where each field is entered, to send the buyer back to it. */
const STEP_OF_FIELD: Readonly<Record<string, number>> = {
  title: 1,
  description: 1,
  useCases: 1,
  sector: 1,
  communeCode: 2,
  reach: 2,
  acceptsRemote: 2,
  minBudgetEur: 3,
  maxBudgetEur: 3,
  desiredStart: 3,
  deadline: 3,
  dataSensitivity: 4,
  requirements: 4,
  minSovereigntyGrade: 4,
};

export const REACH_LABELS: Readonly<Record<(typeof NEED_REACHES)[number], { label: string; hint: string }>> = {
  local: { label: 'Local', hint: 'Un fournisseur de mon département ou d’un département voisin.' },
  regional: { label: 'Régional', hint: 'Un fournisseur de ma région ou d’une région voisine.' },
  national: { label: 'National', hint: 'Un fournisseur de toute la France.' },
};

export const PROXIMITY_LABELS: Readonly<Record<string, string>> = {
  same_departement: 'Dans votre département',
  adjacent_departement: 'Dans un département voisin',
  same_region: 'Dans votre région',
  adjacent_region: 'Dans une région voisine',
  on_site: 'Plus loin, intervient sur site chez vous',
  remote: 'Plus loin, intervient à distance',
};

const MIN_GRADE_LABELS: Readonly<Record<(typeof NEED_MIN_GRADES)[number], string>> = {
  A: 'A au moins (80 et plus)',
  B: 'B au moins (60 et plus)',
  C: 'C au moins (40 et plus)',
  D: 'D au moins (20 et plus)',
};

/** Suggested requirements for a sensitivity, from the sovereignty vocabulary (REFERENCE §4.5). */
export function suggestionsFor(sensitivity: string | null | undefined, buyerType: string | null): string[] {
  if (!sensitivity) return [];
  const vocabulary = sovereigntyVocabulary();
  const defaults = vocabulary.defaultRequirements.find((d) => d.dataSensitivity === sensitivity)?.requirements ?? [];
  return [...new Set([...defaults, ...(buyerType === 'collectivite' ? vocabulary.suggestedForCollectivite : [])])];
}

/** "15/01/2027" as typed where the browser has no date picker, or 2027-01-15; empty clears the date. */
function dateInput(form: FormBody, key: string): string | null {
  const value = text(form, key);
  if (!value) return null;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return fr ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}` : value;
}

/**
 * Errors as the buyer can act on them: an empty field refused by the DTO is a missing field,
 * and text where a whole number is expected is not also told about the number's range.
 */
function plainErrors(errors: Record<string, string[]>, form: FormBody, required: string[] = []): Record<string, string[]> {
  for (const field of required) if (errors[field] && !text(form, field)) errors[field] = ['Ce champ est obligatoire.'];
  for (const [field, messages] of Object.entries(errors)) {
    const notInteger = messages.find((m) => m === 'Saisissez un nombre entier.');
    if (notInteger) errors[field] = [notInteger];
  }
  return errors;
}

interface StepInput {
  plain: Record<string, unknown>;
  /** What to show again in the form. */
  values: Record<string, unknown>;
  /** Suggested requirements ticked for the buyer because the sensitivity changed. */
  added: string[];
}

/** The fields one step sets, from its form; `need` is the stored need (null while creating). */
function stepInput(step: number, form: FormBody, need: NeedDto | null): StepInput {
  const version = integer(form, 'version');
  switch (step) {
    case 1: {
      const plain = {
        title: text(form, 'title') ?? (need ? '' : undefined),
        description: text(form, 'description') ?? (need ? '' : undefined),
        useCases: list(form, 'useCases'),
      };
      return { plain: need ? { ...plain, version } : plain, values: { ...plain, title: text(form, 'title'), description: text(form, 'description') }, added: [] };
    }
    case 2: {
      const plain = {
        communeCode: communeCode(form, 'communeCode') ?? '',
        reach: text(form, 'reach'),
        acceptsRemote: checkbox(form, 'acceptsRemote'),
        version,
      };
      return { plain, values: { ...plain, communeCode: text(form, 'communeCode') }, added: [] };
    }
    case 3: {
      const plain = {
        minBudgetEur: integer(form, 'minBudgetEur') ?? null,
        maxBudgetEur: integer(form, 'maxBudgetEur') ?? null,
        desiredStart: dateInput(form, 'desiredStart'),
        deadline: dateInput(form, 'deadline'),
        version,
      };
      return { plain, values: { ...plain, minBudgetEur: text(form, 'minBudgetEur'), maxBudgetEur: text(form, 'maxBudgetEur') }, added: [] };
    }
    default: {
      const dataSensitivity = text(form, 'dataSensitivity');
      const ticked = list(form, 'requirements');
      // A newly declared sensitivity brings its suggested requirements, ticked: the buyer may untick them afterwards.
      const added =
        dataSensitivity && need && dataSensitivity !== need.dataSensitivity ? suggestionsFor(dataSensitivity, need.buyerType).filter((r) => !ticked.includes(r)) : [];
      const plain = {
        dataSensitivity,
        requirements: [...ticked, ...added],
        minSovereigntyGrade: text(form, 'minSovereigntyGrade') ?? null,
        version,
      };
      return { plain, values: plain, added };
    }
  }
}

function parseStep(raw: string): number | null {
  return /^[1-4]$/.test(raw) ? Number(raw) : null;
}

@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('app/acheteur')
export class WebBuyerController {
  constructor(
    private readonly views: WebViews,
    private readonly needs: NeedsService,
    private readonly transitions: NeedTransitionsService,
    private readonly matching: MatchingService,
    private readonly introductions: IntroductionsService,
  ) {}

  @Get()
  @Roles('buyer')
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Query('page') page?: string): Promise<void> {
    if (caller.membershipStatus !== 'active') {
      this.views.send(reply, request, 'buyer/home', 'Mes besoins', { pending: caller.membershipStatus === 'pending', inactive: true });
      return;
    }
    const query = Object.assign(new ListNeedsQueryDto(), { page: page && /^\d{1,4}$/.test(page) && Number(page) > 0 ? Number(page) : 1, pageSize: 20 });
    const [result, awaiting] = await Promise.all([
      this.needs.list(caller, query),
      this.introductions.list(caller, Object.assign(new ListIntroductionsQueryDto(), { page: 1, pageSize: 100 })),
    ]);
    const toAnswer = awaiting.items.filter((i) => i.allowedEvents.includes('buyer_accept'));
    this.views.send(reply, request, 'buyer/home', 'Mes besoins', { result, toAnswer });
  }

  @Get('besoins/nouveau')
  @Roles('buyer')
  newNeed(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller): void {
    if (caller.membershipStatus !== 'active') {
      seeOther(reply, request, BASE);
      return;
    }
    this.sendStep(reply, request, null, 1, { values: { useCases: [] }, errors: {} });
  }

  /** Step 1 of a new need: the draft is created here, so the later steps and the market depth work on it. */
  @Post('besoins/nouveau')
  @Roles('buyer')
  async createNeed(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Body() body: unknown): Promise<void> {
    const form = asForm(body);
    const input = stepInput(1, form, null);
    const created = await submitForm(CreateNeedDto, input.plain, (dto) => this.needs.create(caller, dto), {
      invalid: (errors) => this.sendStep(reply, request, null, 1, { values: input.values, errors: plainErrors(errors, form, ['title']) }, 400),
      refused: (r) => this.sendStep(reply, request, null, 1, { values: input.values, errors: r.errors, message: r.message }, r.status),
    });
    if (created.done) seeOther(reply, request, withFlash(stepPath(created.value.id, 2), 'need-saved'));
  }

  @Get('besoins/:id')
  @Roles('buyer')
  async need(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.sendNeedPage(reply, request, caller, await this.needs.get(caller, id));
  }

  @Get('besoins/:id/etape/:step')
  @Roles('buyer')
  async stepPage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('step') rawStep: string,
  ): Promise<void> {
    const step = parseStep(rawStep);
    const need = await this.needs.get(caller, id);
    if (step === null) throw CommonErrors.NOT_FOUND();
    if (!editable(need)) {
      seeOther(reply, request, needPath(id));
      return;
    }
    const depth = step === 4 ? await this.matching.marketDepth(caller, id) : null;
    this.sendStep(reply, request, need, step, { values: valuesOf(need), errors: {}, depth });
  }

  @Post('besoins/:id/etape/:step')
  @Roles('buyer')
  async saveStep(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('step') rawStep: string,
    @Body() body: unknown,
  ): Promise<void> {
    const step = parseStep(rawStep);
    const need = await this.needs.get(caller, id);
    if (step === null) throw CommonErrors.NOT_FOUND();
    const form = asForm(body);
    const input = stepInput(step, form, need);
    const again = async (errors: Record<string, string[]>, message: string | undefined, status: number, shown: NeedDto = need) =>
      this.sendStep(reply, request, shown, step, { values: input.values, errors, message, depth: step === 4 ? await this.matching.marketDepth(caller, id) : null }, status);

    const outcome = await submitForm(UpdateNeedDto, input.plain, (dto) => this.needs.update(caller, id, dto), {
      invalid: (errors) => again(plainErrors(errors, form, ['title', 'communeCode']), undefined, 400),
      refused: (r) => again(r.errors, r.message, r.status),
    });
    if (!outcome.done) return;
    const saved = outcome.value;
    if (input.added.length > 0) {
      // Without JavaScript the suggestions appear only now: show them ticked before moving on.
      this.sendStep(reply, request, saved, step, { values: valuesOf(saved), errors: {}, added: input.added, depth: await this.matching.marketDepth(caller, id) });
      return;
    }
    const flash = saved.status === 'changes_requested' ? 'need-changes-saved' : 'need-saved';
    seeOther(reply, request, withFlash(step < 4 ? stepPath(id, step + 1) : `${needPath(id)}/verification`, flash));
  }

  /**
   * htmx, on each change of step 4: saves the draft (its requirements) and answers the market
   * depth of the saved draft, the new version, and the requirement boxes when suggestions were added.
   */
  @Post('besoins/:id/profondeur')
  @Roles('buyer')
  async depthPreview(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const need = await this.needs.get(caller, id);
    const input = stepInput(4, asForm(body), need);
    const outcome = await submitForm(UpdateNeedDto, input.plain, (dto) => this.needs.update(caller, id, dto), {
      invalid: () => this.views.sendFragment(reply, request, 'buyer/depth-preview', { message: 'Corrigez les champs de cette étape pour mettre à jour l’estimation.' }),
      refused: (r) => this.views.sendFragment(reply, request, 'buyer/depth-preview', { message: r.message }),
    });
    if (!outcome.done) return;
    const saved = outcome.value;
    const depth = await this.matching.marketDepth(caller, id);
    this.views.sendFragment(reply, request, 'buyer/depth-preview', {
      depth,
      need: saved,
      proximityLabels: PROXIMITY_LABELS,
      version: saved.version,
      requirements: input.added.length > 0 ? requirementGroups(saved, saved.requirements) : null,
      added: input.added,
    });
  }

  @Get('besoins/:id/verification')
  @Roles('buyer')
  async review(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const need = await this.needs.get(caller, id);
    if (!editable(need)) {
      seeOther(reply, request, needPath(id));
      return;
    }
    await this.sendReview(reply, request, caller, need, {});
  }

  @Post('besoins/:id/soumettre')
  @Roles('buyer')
  async submit(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<void> {
    const form = asForm(body);
    const need = await this.needs.get(caller, id);
    const submitted = await submitForm(NeedTransitionDto, { version: integer(form, 'version') }, (dto) => this.transitions.submit(caller, id, dto), {
      invalid: () => this.sendReview(reply, request, caller, need, { message: 'Le formulaire est incomplet ; rechargez la page.' }, 400),
      refused: (r) => this.sendReview(reply, request, caller, need, { message: r.message, missing: missingOf(r.error) }, r.status),
    });
    if (submitted.done) seeOther(reply, request, withFlash(needPath(id), 'need-submitted'));
  }

  @Post('besoins/:id/clore')
  @Roles('buyer')
  async close(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentCaller() caller: Caller, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<void> {
    const form = asForm(body);
    const need = await this.needs.get(caller, id);
    const closed = await submitForm(CloseNeedDto, { outcome: text(form, 'outcome') ?? '', version: integer(form, 'version') }, (dto) => this.transitions.close(caller, id, dto), {
      invalid: (errors) => this.sendNeedPage(reply, request, caller, need, { closeErrors: errors, closeValues: { outcome: text(form, 'outcome') } }, 400),
      refused: (r) => this.sendNeedPage(reply, request, caller, need, { message: r.message }, r.status),
    });
    if (closed.done) seeOther(reply, request, withFlash(needPath(id), 'need-closed'));
  }

  private sendStep(
    reply: FastifyReply,
    request: FastifyRequest,
    need: NeedDto | null,
    step: number,
    data: { values: Record<string, unknown>; errors: Record<string, string[]>; message?: string; depth?: MarketDepthDto | null; added?: string[] },
    status = 200,
  ): void {
    const requirements = need ? requirementGroups(need, (data.values.requirements as string[] | undefined) ?? need.requirements, data.values.dataSensitivity as string | undefined) : null;
    this.views.send(
      reply,
      request,
      'buyer/need-step',
      `${need ? 'Modifier le besoin' : 'Nouveau besoin'} — étape ${step} sur 5 : ${STEP_TITLES[step]}`,
      {
        need,
        step,
        steps: STEP_TITLES,
        labels: NEED_FIELD_LABELS,
        action: need ? stepPath(need.id, step) : `${BASE}/besoins/nouveau`,
        useCases: referenceData().useCases.map((u) => ({ code: u.code, label: u.label })),
        reaches: NEED_REACHES.map((code) => ({ code, ...REACH_LABELS[code] })),
        sensitivities: sovereigntyVocabulary().defaultRequirements.map((d) => ({ code: d.dataSensitivity, label: d.label })),
        grades: NEED_MIN_GRADES.map((code) => ({ code, label: MIN_GRADE_LABELS[code] })),
        requirements,
        proximityLabels: PROXIMITY_LABELS,
        ...data,
      },
      status,
    );
  }

  private async sendReview(
    reply: FastifyReply,
    request: FastifyRequest,
    caller: Caller,
    need: NeedDto,
    data: { message?: string; missing?: { field: string; label: string; step: number }[] },
    status = 200,
  ): Promise<void> {
    const depth = await this.matching.marketDepth(caller, need.id);
    this.views.send(reply, request, 'buyer/need-review', `Vérifier le besoin — étape 5 sur 5`, {
      need,
      depth,
      step: 5,
      steps: STEP_TITLES,
      proximityLabels: PROXIMITY_LABELS,
      reachLabels: REACH_LABELS,
      ...data,
    }, status);
  }

  private async sendNeedPage(
    reply: FastifyReply,
    request: FastifyRequest,
    caller: Caller,
    need: NeedDto,
    data: { message?: string; closeErrors?: Record<string, string[]>; closeValues?: Record<string, unknown> } = {},
    status = 200,
  ): Promise<void> {
    const showDepth = need.status !== 'rejected' && need.status !== 'closed';
    const [introductions, depth] = await Promise.all([
      this.introductions.list(caller, Object.assign(new ListIntroductionsQueryDto(), { needId: need.id, page: 1, pageSize: 100 })),
      showDepth ? this.matching.marketDepth(caller, need.id) : Promise.resolve(null),
    ]);
    this.views.send(reply, request, 'buyer/need', need.title, {
      need,
      introductions: introductions.items as IntroductionDto[],
      depth,
      editable: editable(need),
      canClose: need.allowedActions.includes('close'),
      outcomes: CLOSE_OUTCOMES.map((code) => ({ code, label: CLOSE_OUTCOME_LABELS[code] })),
      outcomeLabels: CLOSE_OUTCOME_LABELS,
      proximityLabels: PROXIMITY_LABELS,
      reachLabels: REACH_LABELS,
      closeErrors: {},
      closeValues: {},
      ...data,
    }, status);
  }
}

/** The buyer may edit and submit exactly when the need allows `submit` (draft or changes requested). */
const editable = (need: NeedDto): boolean => need.allowedActions.includes('submit');


/** A need's fields as form values. */
function valuesOf(need: NeedDto): Record<string, unknown> {
  return {
    title: need.title,
    description: need.description,
    useCases: need.useCases,
    communeCode: need.communeCode,
    reach: need.reach,
    acceptsRemote: need.acceptsRemote,
    minBudgetEur: need.minBudgetEur,
    maxBudgetEur: need.maxBudgetEur,
    desiredStart: need.desiredStart,
    deadline: need.deadline,
    dataSensitivity: need.dataSensitivity,
    requirements: need.requirements,
    minSovereigntyGrade: need.minSovereigntyGrade,
  };
}

/** Step 4's boxes: the suggestions for the sensitivity first, then every other requirement. */
function requirementGroups(need: NeedDto, ticked: string[], sensitivity: string | null | undefined = need.dataSensitivity) {
  const suggested: string[] = sensitivity === need.dataSensitivity ? need.suggestedRequirements : suggestionsFor(sensitivity, need.buyerType);
  const all = sovereigntyVocabulary().hardRequirements;
  return {
    ticked,
    suggested: all.filter((r) => suggested.includes(r.code)),
    others: all.filter((r) => !suggested.includes(r.code)),
  };
}

/** NEED_INCOMPLETE names the missing fields: each with its label and the step to complete it. */
function missingOf(error: unknown): { field: string; label: string; step: number }[] | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const details = error.details as { missing?: unknown } | undefined;
  if (!details || !Array.isArray(details.missing)) return undefined;
  if (error.code === 'NEED_REQUIREMENT_MISSING') {
    return details.missing.map((code) => ({ field: 'requirements', label: `Exigence : ${sovereigntyVocabulary().hardRequirements.find((r) => r.code === code)?.label ?? String(code)}`, step: 4 }));
  }
  return details.missing
    .filter((f): f is string => typeof f === 'string')
    .map((field) => ({ field, label: NEED_FIELD_LABELS[field] ?? field, step: STEP_OF_FIELD[field] ?? 1 }));
}
