import { Inject, Injectable, Logger } from '@nestjs/common';
import { assertMemberOf } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { findDepartement } from '../reference/geo/geography.js';
import { SEARCH_INDEX, type SearchIndex } from '../search/search-index.port.js';
import type { LeadDto, LeadsDto } from './dto/match.dto.js';
import { criteriaWithoutText, criterionDtos, eligibilityNeed, eligibilityOffering, needText, type MatchingNeed } from './match-view.js';
import { MatchesErrors } from './matches.errors.js';
import { MatchingRepository, type LeadNeedRow } from './matching.repository.js';
import { MatchingWeightsService } from './matching-weights.service.js';
import { textCriterion } from './scoring/criteria.js';
import { exclusions } from './scoring/eligibility.js';
import { profileFromColumns } from '../sovereignty/flat-profile.js';
import { failedRequirements, HARD_REQUIREMENTS } from '../sovereignty/hard-requirements.js';
import { rankCandidates, scoreCandidate, type ScoredCandidate } from './scoring/ranking.js';
import { needsTextScore, textShare } from './scoring/top-k.js';
import { SCORING_VERSION } from './scoring/weights.js';

/** Needs read for one offering's leads, at most: the newest published first. */
const LEAD_CANDIDATES = 1000;

/**
 * DESIGN §5.6, the reverse view: the published needs an offering matches, scored as matching would,
 * anonymised — no organisation, no person, the commune shown as its département. The offering's
 * own status is not a rule here, so a vendor sees its leads before publishing (a preview).
 */
@Injectable()
export class LeadsService {
  private readonly logger = new Logger(LeadsService.name);

  constructor(
    private readonly repository: MatchingRepository,
    private readonly weights: MatchingWeightsService,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  /** 404 for an unknown offering, 403 unless the caller is an active member of its vendor. */
  async leadsOf(caller: Caller, offeringId: string, limit = 20): Promise<LeadsDto> {
    const offering = await this.repository.findOffering(offeringId);
    if (!offering) throw MatchesErrors.OFFERING_NOT_FOUND();
    assertMemberOf(caller, offering.vendorId);
    const weights = await this.weights.inUse();
    const profile = profileFromColumns(offering);
    const requirementsMet = HARD_REQUIREMENTS.filter((r) => failedRequirements(profile, [r]).length === 0);
    const rows = await this.repository.findLeadNeeds(
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
      LEAD_CANDIDATES,
    );
    const asPublished = { ...eligibilityOffering(offering), published: true, vendorVerified: true };
    const scored = rows
      .map((row) => ({ row, need: matchingNeedOf(row) }))
      .filter(({ need }) => exclusions(eligibilityNeed(need), asPublished).length === 0)
      .map(({ row, need }) => {
        const results = criteriaWithoutText(need, offering);
        return { row, need, results, partial: scoreCandidate(row.id, { ...results, text: textCriterion(0) }, weights.weights).total };
      });
    const ask = needsTextScore(
      scored.map((s) => s.partial),
      textShare(weights.weights),
      limit,
    );
    const byId = new Map<string, LeadNeedRow>();
    const candidates: ScoredCandidate[] = await Promise.all(
      scored.map(async (s, i) => {
        byId.set(s.row.id, s.row);
        const relevance = ask[i] ? await this.relevance(needText(s.need), offeringId) : 0;
        return scoreCandidate(s.row.id, { ...s.results, text: textCriterion(relevance) }, weights.weights);
      }),
    );
    const items = rankCandidates(candidates)
      .slice(0, limit)
      .map((c, i): LeadDto => ({ rank: i + 1, total: c.total, criteria: criterionDtos(c.criteria), need: anonymised(byId.get(c.offeringId) as LeadNeedRow) }));
    return { offeringId, scoringVersion: SCORING_VERSION, weights: weights.weights, items };
  }

  private async relevance(text: string, offeringId: string): Promise<number> {
    try {
      return (await this.search.relevance(text, [offeringId])).get(offeringId) ?? 0;
    } catch (error) {
      this.logger.warn(`Text relevance unavailable, scored 0: ${String(error)}`);
      return 0;
    }
  }
}

function matchingNeedOf(row: LeadNeedRow): MatchingNeed {
  return { ...row, minSovereigntyGrade: row.minSovereigntyGrade };
}

/** Only what a vendor may see of a need before an introduction: nothing that names the buyer. */
function anonymised(row: LeadNeedRow): LeadDto['need'] {
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
