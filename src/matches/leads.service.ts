import { Injectable } from '@nestjs/common';
import { assertMemberOf } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { findDepartement } from '../reference/geo/geography.js';
import { profileFromColumns } from '../sovereignty/flat-profile.js';
import { failedRequirements, HARD_REQUIREMENTS } from '../sovereignty/hard-requirements.js';
import type { LeadDto, LeadsDto } from './dto/match.dto.js';
import { criterionDtos, needText, type MatchingNeed } from './match-view.js';
import { MatchesErrors } from './matches.errors.js';
import { MatchingWeightsService } from './matching-weights.service.js';
import { rankLeads } from './ranking/lead-ranking.js';
import { TextRelevance } from './ranking/text-relevance.js';
import { LeadNeedsRepository, type LeadNeedRow } from './repositories/lead-needs.repository.js';
import { OfferingCandidatesRepository } from './repositories/offering-candidates.repository.js';
import { SCORING_VERSION, type Weights } from './scoring/weights.js';
import type { ScoredCandidate } from './scoring/ranking.js';
import type { CandidateRow } from './repositories/offering-rows.js';

/** Needs read for one offering's leads, at most: the newest published first. */
const LEAD_CANDIDATES = 1000;

/**
 * DESIGN §5.6, the reverse view: the published needs an offering matches, scored as matching would,
 * anonymised — no organisation, no person, the commune shown as its département. The offering's
 * own status is not a rule here, so a vendor sees its leads before publishing (a preview).
 */
@Injectable()
export class LeadsService {
  constructor(
    private readonly offerings: OfferingCandidatesRepository,
    private readonly leadNeeds: LeadNeedsRepository,
    private readonly weights: MatchingWeightsService,
    private readonly text: TextRelevance,
  ) {}

  /** 404 for an unknown offering, 403 unless the caller is an active member of its vendor. */
  async leadsOf(caller: Caller, offeringId: string, limit = 20): Promise<LeadsDto> {
    const offering = await this.offerings.findOffering(offeringId);
    if (!offering) throw MatchesErrors.OFFERING_NOT_FOUND();
    assertMemberOf(caller, offering.vendorId);
    const weights = await this.weights.inUse();
    const { ranked, byId } = await this.rank(offering, weights.weights, LEAD_CANDIDATES, limit);
    const items = ranked.map((c, i): LeadDto => ({
      rank: i + 1,
      total: c.total,
      criteria: criterionDtos(c.criteria),
      need: anonymisedNeed(byId.get(c.offeringId) as LeadNeedRow),
    }));
    return { offeringId, scoringVersion: SCORING_VERSION, weights: weights.weights, items };
  }

  /**
   * Lead alerts (issue 18): every published need the offering may serve above the relevance floor,
   * best first, among the `candidates` newest; no access check (the outbox calls it). Empty for an
   * unknown offering, or one not published by a verified vendor (nothing to announce).
   * `scored.offeringId` holds the need's id, as in `leadsOf`.
   */
  async rankForAlerts(offeringId: string, candidates: number): Promise<{ vendorId: string; ranked: ScoredCandidate[] } | null> {
    const offering = await this.offerings.findOffering(offeringId);
    if (!offering || offering.status !== 'published' || !offering.vendorVerified) return null;
    const weights = await this.weights.inUse();
    const { ranked } = await this.rank(offering, weights.weights, candidates, candidates);
    return { vendorId: offering.vendorId, ranked };
  }

  private async rank(offering: CandidateRow, weights: Weights, candidates: number, limit: number) {
    const profile = profileFromColumns(offering);
    const requirementsMet = HARD_REQUIREMENTS.filter((r) => failedRequirements(profile, [r]).length === 0);
    const rows = await this.leadNeeds.findLeadNeeds(
      {
        useCases: offering.useCases,
        requirementsMet,
        grade: offering.sovereigntyGrade,
        serviceNational: offering.serviceNational,
        serviceRegions: offering.serviceRegions,
        serviceDepartements: offering.serviceDepartements,
        remoteDelivery: offering.remoteDelivery,
        minBudgetEur: offering.minBudgetEur,
        maxBudgetEur: offering.maxBudgetEur,
      },
      candidates,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const ranked = await rankLeads(
      offering,
      rows.map((row) => ({ id: row.id, need: matchingNeedOf(row) })),
      weights,
      limit,
      (needs) => this.text.forNeeds(offering.id, needs.map(needText)),
    );
    return { ranked, byId };
  }
}

function matchingNeedOf(row: LeadNeedRow): MatchingNeed {
  return { ...row, minSovereigntyGrade: row.minSovereigntyGrade };
}

/** Only what a vendor may see of a need before an introduction: nothing that names the buyer. */
export function anonymisedNeed(row: LeadNeedRow): LeadDto['need'] {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    useCases: row.useCases,
    sector: row.sector,
    departementCode: row.departementCode,
    departementName: row.departementCode ? (findDepartement(row.departementCode)?.name ?? null) : null,
    buyerType: row.buyerType,
    minBudgetEur: row.minBudgetEur,
    maxBudgetEur: row.maxBudgetEur,
    desiredStart: row.desiredStart,
  };
}
