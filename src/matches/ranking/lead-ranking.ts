import { criteriaWithoutText, eligibilityNeed, eligibilityOffering, type MatchingNeed } from '../match-view.js';
import type { CandidateRow } from '../repositories/offering-rows.js';
import { belowRelevanceFloor, textCriterion } from '../scoring/criteria.js';
import { exclusions } from '../scoring/eligibility.js';
import { rankCandidates, scoreCandidate, type CriterionResult, type ScoredCandidate } from '../scoring/ranking.js';
import { needsTextScore, textShare } from '../scoring/top-k.js';
import type { Weights } from '../scoring/weights.js';

/**
 * The reverse view's ranking (DESIGN §5.6): the needs this offering may serve, each scored as
 * matching would score the offering for it. The offering counts as published (a vendor previews
 * its leads before publishing); text relevance is asked only where it can change the top `limit`.
 */
export async function rankLeads(
  offering: CandidateRow,
  needs: readonly { id: string; need: MatchingNeed }[],
  weights: Weights,
  limit: number,
  textOf: (need: MatchingNeed) => Promise<CriterionResult>,
): Promise<ScoredCandidate[]> {
  const asPublished = { ...eligibilityOffering(offering), published: true, vendorVerified: true };
  const scored = needs
    .filter(({ need }) => exclusions(eligibilityNeed(need), asPublished).length === 0)
    .map(({ id, need }) => {
      const results = criteriaWithoutText(need, offering);
      return { id, need, results, partial: scoreCandidate(id, { ...results, text: textCriterion(0) }, weights).total };
    });
  const ask = needsTextScore(
    scored.map((s) => s.partial),
    textShare(weights),
    limit,
  );
  const candidates = await Promise.all(
    scored.map(async (s, i) => scoreCandidate(s.id, { ...s.results, text: ask[i] ? await textOf(s.need) : textCriterion(0) }, weights)),
  );
  // The relevance floor (issue 26): a need sharing no use case with the offering and unrelated in text is no lead.
  const onTopic = candidates.filter(
    (c, i) => !belowRelevanceFloor(scored[i].need.useCases, offering.useCases, c.criteria.find((x) => x.criterion === 'text')?.score ?? 0),
  );
  return rankCandidates(onTopic).slice(0, limit);
}
