import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../../identity/caller.js';
import { ListIntroductionsQueryDto } from '../../introductions/dto/introduction-input.dto.js';
import { IntroductionsService } from '../../introductions/introductions.service.js';
import type { RelevanceJudgmentDto } from '../../judgments/dto/judgment.dto.js';
import { LeadInboxService } from '../../lead-alerts/lead-inbox.service.js';
import { JudgmentsService } from '../../judgments/judgments.service.js';
import { MatchingService } from '../../matches/matching.service.js';
import { CLOSE_OUTCOMES } from '../../needs/need.entity.js';
import { NeedsService } from '../../needs/needs.service.js';
import { OfferingsService } from '../../offerings/offerings.service.js';
import { OrganisationsService } from '../../organisations/organisations.service.js';
import { referenceData } from '../../reference/data/reference-data.js';
import { findNafCode } from '../../reference/sectors/naf.js';
import { CLOSE_OUTCOME_LABELS, REACH_LABELS } from '../shared/need.labels.js';
import { BUYER_TYPE_LABELS } from '../shared/organisation.labels.js';
import { proximityLabels } from '../shared/proximity.labels.js';
import { WebViews } from '../shared/views.js';
import { CRITERION_LEGEND, otherLeadKindLabel } from './curation.labels.js';
import { openByOffering, type NeedPageState } from './curation-need.view.js';
import { JUDGMENT_CHOICES } from './judgment.form.js';
import { NEED_FORM_LABELS } from './need-decision.form.js';

/** One offering's mark after an htmx request: what was typed and refused, or that it was just saved or removed. */
export interface JudgmentWidgetState {
  values?: Record<string, unknown>;
  errors?: Record<string, string[]>;
  message?: string;
  done?: 'saved' | 'removed';
}

/**
 * A need's file for curators, shared by the need's handlers and the marks' (decision 014): the need,
 * its buyer, its ranked matches, its "autres pistes" and the caller's marks on them.
 */
@Injectable()
export class CurationNeedPage {
  constructor(
    private readonly views: WebViews,
    private readonly needs: NeedsService,
    private readonly matching: MatchingService,
    private readonly introductions: IntroductionsService,
    private readonly organisations: OrganisationsService,
    private readonly judgments: JudgmentsService,
    private readonly offerings: OfferingsService,
    private readonly leads: LeadInboxService,
  ) {}

  async render(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    id: string,
    state: NeedPageState,
    status: number,
  ): Promise<void> {
    const need = await this.needs.get(caller, id);
    const published = need.status === 'published';
    const [organisation, matches, introductions, judgments, leads] = await Promise.all([
      this.organisations.get(caller, need.organisationId).catch(() => null),
      published ? this.matching.matchesFor(caller, id, { limit: 20, includeExcluded: true }) : Promise.resolve(null),
      this.introductions.list(caller, Object.assign(new ListIntroductionsQueryDto(), { needId: id, page: 1, pageSize: 100 })),
      published ? this.judgments.mineOnNeed(caller, id) : Promise.resolve({}),
      this.leads.forNeed(caller, id),
    ]);
    this.views.send(
      reply,
      request,
      'curation/need',
      need.title,
      {
        need,
        organisation,
        matches,
        openIntroductions: openByOffering(introductions.items),
        introductions: introductions.items,
        judgments,
        leads,
        leadByOffering: Object.fromEntries(leads.items.map((l) => [l.offering.id, l])),
        judgmentChoices: JUDGMENT_CHOICES,
        otherLeadKind: otherLeadKindLabel,
        sectorLabel: need.sector ? (findNafCode(need.sector)?.label ?? null) : null,
        useCases: referenceData().useCases.map((u) => ({ code: u.code, label: u.label })),
        closeOutcomes: CLOSE_OUTCOMES.map((code) => ({ code, label: CLOSE_OUTCOME_LABELS[code] })),
        legend: CRITERION_LEGEND,
        proximityLabels: proximityLabels('neutral'),
        reachLabels: REACH_LABELS,
        buyerTypes: BUYER_TYPE_LABELS,
        labels: { ...NEED_FORM_LABELS, ...state.labels },
        state: { values: {}, errors: {}, ...state },
      },
      status,
    );
  }

  /** The mark of one offering alone, for htmx to swap in place. */
  async judgmentFragment(
    request: FastifyRequest,
    reply: FastifyReply,
    caller: Caller,
    needId: string,
    offeringId: string,
    state: JudgmentWidgetState,
  ): Promise<void> {
    const [offering, mine] = await Promise.all([this.offerings.get(caller, offeringId), this.judgments.mineOnNeed(caller, needId)]);
    const judgment: RelevanceJudgmentDto | undefined = mine[offeringId];
    this.views.sendFragment(reply, request, 'curation/judgment', {
      needId,
      offeringId,
      title: offering.title,
      judgment,
      state: { values: {}, errors: {}, ...state },
      choices: JUDGMENT_CHOICES,
    });
  }
}
