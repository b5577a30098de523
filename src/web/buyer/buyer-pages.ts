import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../../identity/caller.js';
import { ListIntroductionsQueryDto } from '../../introductions/dto/introduction-input.dto.js';
import { IntroductionsService } from '../../introductions/introductions.service.js';
import type { MarketDepthDto } from '../../matches/dto/match.dto.js';
import { MatchingService } from '../../matches/matching.service.js';
import type { NeedDto } from '../../needs/dto/need.dto.js';
import { CLOSE_OUTCOMES, NEED_MIN_GRADES, NEED_REACHES } from '../../needs/need.entity.js';
import { suggestedRequirementsFor } from '../../needs/need-requirements.js';
import { referenceData } from '../../reference/data/reference-data.js';
import { sovereigntyVocabulary } from '../../reference/sovereignty/sovereignty-vocabulary.js';
import type { FormValues } from '../shared/form-input.js';
import { CLOSE_OUTCOME_LABELS, MIN_GRADE_LABELS, REACH_LABELS, widerReachLines } from '../shared/need.labels.js';
import { proximityLabels } from '../shared/proximity.labels.js';
import { WebViews } from '../shared/views.js';
import type { MissingItem } from './need-actions.form.js';
import { NEED_FIELD_LABELS, STEP_TITLES } from './need-step.form.js';

export const BUYER_HOME = '/app/acheteur';
export const needPath = (id: string): string => `${BUYER_HOME}/besoins/${id}`;
export const stepPath = (id: string, step: number): string => `${needPath(id)}/etape/${step}`;

/** The buyer may edit and submit exactly when the need allows `submit` (draft or changes requested). */
export const editable = (need: NeedDto): boolean => need.allowedActions.includes('submit');

export interface StepPage {
  values: FormValues;
  errors: Record<string, string[]>;
  message?: string;
  depth?: MarketDepthDto | null;
  added?: string[];
}

/** Step 4's boxes: the suggestions for the sensitivity first, then every other requirement. */
export function requirementGroups(need: NeedDto, ticked: string[], sensitivity: string | null | undefined = need.dataSensitivity) {
  const suggested: string[] =
    sensitivity === need.dataSensitivity ? need.suggestedRequirements : suggestedRequirementsFor(sensitivity, need.buyerType);
  const all = sovereigntyVocabulary().hardRequirements;
  return { ticked, suggested: all.filter((r) => suggested.includes(r.code)), others: all.filter((r) => !suggested.includes(r.code)) };
}

/** What the market-depth partial reads; `reachPath` leads to the step where the reach is chosen while the buyer may still edit. */
interface DepthView {
  depth: MarketDepthDto;
  proximityLabels: Readonly<Record<string, string>>;
  wider: string[];
  reachPath: string | null;
}

/** The buyer space's pages: what each template reads, gathered from the services the API uses. */
@Injectable()
export class BuyerPages {
  private readonly toBuyer = proximityLabels('toBuyer');

  constructor(
    private readonly views: WebViews,
    private readonly matching: MatchingService,
    private readonly introductions: IntroductionsService,
  ) {}

  private depthView(depth: MarketDepthDto | null | undefined, need: NeedDto | null): DepthView | null {
    if (!depth) return null;
    const reachPath = need && editable(need) ? stepPath(need.id, 2) : null;
    return { depth, proximityLabels: this.toBuyer, wider: widerReachLines(depth.widerReach), reachPath };
  }

  step(reply: FastifyReply, request: FastifyRequest, need: NeedDto | null, step: number, data: StepPage, status = 200): void {
    const requirements = need
      ? requirementGroups(
          need,
          (data.values.requirements as string[] | undefined) ?? need.requirements,
          data.values.dataSensitivity as string | undefined,
        )
      : null;
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
        action: need ? stepPath(need.id, step) : `${BUYER_HOME}/besoins/nouveau`,
        useCases: referenceData().useCases.map((u) => ({ code: u.code, label: u.label })),
        reaches: NEED_REACHES.map((code) => ({ code, ...REACH_LABELS[code] })),
        sensitivities: sovereigntyVocabulary().defaultRequirements.map((d) => ({ code: d.dataSensitivity, label: d.label })),
        grades: NEED_MIN_GRADES.map((code) => ({ code, label: MIN_GRADE_LABELS[code] })),
        requirements,
        ...data,
        depthView: this.depthView(data.depth, need),
      },
      status,
    );
  }

  /** Step 4 answered as an htmx fragment: the market depth of the saved draft, or why it is not updated. */
  depthPreview(
    reply: FastifyReply,
    request: FastifyRequest,
    data: { message: string } | { depth: MarketDepthDto; need: NeedDto; added: string[] },
  ): void {
    const extra =
      'need' in data
        ? {
            version: data.need.version,
            requirements: data.added.length > 0 ? requirementGroups(data.need, data.need.requirements) : null,
            depthView: this.depthView(data.depth, data.need),
          }
        : { depthView: null };
    this.views.sendFragment(reply, request, 'buyer/depth-preview', { ...data, ...extra });
  }

  async review(
    reply: FastifyReply,
    request: FastifyRequest,
    caller: Caller,
    need: NeedDto,
    data: { message?: string; missing?: MissingItem[] },
    status = 200,
  ): Promise<void> {
    const depth = await this.matching.marketDepth(caller, need.id);
    this.views.send(
      reply,
      request,
      'buyer/need-review',
      `Vérifier le besoin — étape 5 sur 5`,
      { need, depthView: this.depthView(depth, need), step: 5, steps: STEP_TITLES, reachLabels: REACH_LABELS, ...data },
      status,
    );
  }

  async need(
    reply: FastifyReply,
    request: FastifyRequest,
    caller: Caller,
    need: NeedDto,
    data: { message?: string; closeErrors?: Record<string, string[]>; closeValues?: FormValues } = {},
    status = 200,
  ): Promise<void> {
    const showDepth = need.status !== 'rejected' && need.status !== 'closed';
    const [introductions, depth] = await Promise.all([
      this.introductions.list(caller, Object.assign(new ListIntroductionsQueryDto(), { needId: need.id, page: 1, pageSize: 100 })),
      showDepth ? this.matching.marketDepth(caller, need.id) : Promise.resolve(null),
    ]);
    this.views.send(
      reply,
      request,
      'buyer/need',
      need.title,
      {
        need,
        introductions: introductions.items,
        depthView: this.depthView(depth, need),
        editable: editable(need),
        canClose: need.allowedActions.includes('close'),
        outcomes: CLOSE_OUTCOMES.map((code) => ({ code, label: CLOSE_OUTCOME_LABELS[code] })),
        outcomeLabels: CLOSE_OUTCOME_LABELS,
        reachLabels: REACH_LABELS,
        closeErrors: {},
        closeValues: {},
        ...data,
      },
      status,
    );
  }
}
