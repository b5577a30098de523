import { criteriaWithoutText, eligibilityNeed, eligibilityOffering, needReachArea, vendorSites, type MatchingNeed } from '../match-view.js';
import type { CandidateRow } from '../repositories/offering-rows.js';
import { belowRelevanceFloor, textCriterion } from '../scoring/criteria.js';
import type { NeedText } from './text-relevance.js';
import { exclusions } from '../scoring/eligibility.js';
import { outOfReach } from '../scoring/reach.js';
import { rankCandidates, scoreCandidate, type ScoredCandidate } from '../scoring/ranking.js';
import type { Weights } from '../scoring/weights.js';

/**
 * The reverse view's ranking (DESIGN §5.6): the needs this offering may serve (eligible, within
 * their reach, above the relevance floor), each scored as
 * matching would score the offering for it. The offering counts as published (a vendor previews
 * its leads before publishing); text relevance is asked for every eligible need, in one query.
 */
export async function rankLeads(
  offering: CandidateRow,
  needs: readonly { id: string; need: MatchingNeed }[],
  weights: Weights,
  limit: number,
  textsOf: (needs: readonly MatchingNeed[]) => Promise<NeedText[]>,
): Promise<ScoredCandidate[]> {
  const asPublished = { ...eligibilityOffering(offering), published: true, vendorVerified: true };
  const sites = vendorSites(offering);
  const eligible = needs.filter(
    // A need whose reach the vendor is outside of is no lead either (issue 26): the buyer did not ask that far.
    ({ need }) => exclusions(eligibilityNeed(need), asPublished).length === 0 && outOfReach(needReachArea(need), sites) === null,
  );
  // Every eligible need's text is asked, in one query: the relevance floor may drop any of them.
  const texts = await textsOf(eligible.map((e) => e.need));
  const onTopic = eligible.flatMap(({ id, need }, i) =>
    // The relevance floor (issue 26): a need the offering does not answer in words is no lead.
    belowRelevanceFloor(need.useCases, offering.useCases, texts[i].score, texts[i].informative)
      ? []
      : [scoreCandidate(id, { ...criteriaWithoutText(need, offering), text: textCriterion(texts[i].score) }, weights)],
  );
  return rankCandidates(onTopic).slice(0, limit);
}
