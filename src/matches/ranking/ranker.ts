import { Injectable, Logger } from '@nestjs/common';
import {
  criteriaWithoutText,
  eligibilityNeed,
  eligibilityOffering,
  needReachArea,
  needText,
  retrievalNeed,
  vendorSites,
  type MatchingNeed,
} from '../match-view.js';
import { MatchingWeightsService, type WeightsInUse } from '../matching-weights.service.js';
import { OfferingCandidatesRepository } from '../repositories/offering-candidates.repository.js';
import { OfferingMatchRepository } from '../repositories/offering-match.repository.js';
import type { CandidateRow, PrerankedId, ScoringRow } from '../repositories/offering-rows.js';
import type { TopCandidates } from '../repositories/offering-match.repository.js';
import { belowRelevanceFloor } from '../scoring/criteria.js';
import { exclusions } from '../scoring/eligibility.js';
import { outOfReach } from '../scoring/reach.js';
import { prerankSql } from '../scoring/prerank.js';
import { rankCandidates, scoreCandidate, totalOf, type CriterionResult, type ScoredCandidate } from '../scoring/ranking.js';
import {
  boundHolds,
  canReach,
  excludedBelow,
  prerankSlack,
  textOnlyBest,
  textRetrievalSkippable,
  textShare,
  weightSum,
} from '../scoring/top-k.js';
import { mergeScores, TextRelevance, textResult, type TextScores } from './text-relevance.js';

/** How many offerings the search index contributes by text alone (DESIGN §5.1: "top few hundred"). */
export const TEXT_RETRIEVAL_LIMIT = 200;
/** The bounded ranking's first round of text relevance covers this many times `limit` best pre-ranks. */
export const FIRST_TEXT_ROUND = 4;

export interface RankedMatch {
  scored: ScoredCandidate;
  row: CandidateRow;
  proximity: string;
}

export interface Ranking {
  items: RankedMatch[];
  candidates: number;
  weights: WeightsInUse;
}

interface Scored {
  row: ScoringRow;
  results: ReturnType<typeof criteriaWithoutText>;
  /** Total without text. */
  partial: number;
}

type Ranked = { items: RankedMatch[]; dropped: boolean };

const NO_TEXT: CriterionResult = { score: 0, reason: '' };

/**
 * DESIGN §5: the top `limit` offerings for a need, with no access check and no HTTP (the use
 * cases, the benchmark and tests call it). Candidates come from SQL (eligibility + shared use case
 * or text retrieval) and are re-checked and scored by the pure core; SQL pre-ranks them so that
 * only those that can still reach the top are read and scored (decision 010).
 */
@Injectable()
export class Ranker {
  private readonly logger = new Logger(Ranker.name);

  constructor(
    private readonly candidates: OfferingCandidatesRepository,
    private readonly projection: OfferingMatchRepository,
    private readonly weights: MatchingWeightsService,
    private readonly text: TextRelevance,
  ) {}

  /**
   * Bounded (decision 010): SQL pre-ranks the use-case candidates on every criterion but text and
   * returns only those that can still reach the top `limit`; text retrieval runs only when an
   * offering sharing no use case could still get there. The result is the exhaustive ranking's:
   * checked by `boundHolds` each time, with `rankExhaustive` as the fallback.
   */
  async rank(need: MatchingNeed, limit: number, weightsInUse?: WeightsInUse): Promise<Ranking> {
    const weights = weightsInUse ?? (await this.weights.inUse());
    if (need.useCases.length === 0 || Object.values(weights.weights).every((w) => w === 0))
      return this.rankExhaustive(need, limit, weights);
    const text = needText(need);
    const retrieval = retrievalNeed(need);
    const textOnlyCandidates = async () =>
      this.candidates.findTextOnlyCandidates(retrieval, await this.text.retrieve(text, TEXT_RETRIEVAL_LIMIT));
    // When these weights can never leave text retrieval out, it runs (with its eligibility check) beside the pre-rank.
    const early = textRetrievalSkippable(weights.weights) ? null : textOnlyCandidates();
    const prerank = (param: (value: unknown) => string) => prerankSql(need, weights.weights, param);
    const keep = { rank: limit, slack: prerankSlack(weights.weights), withRows: FIRST_TEXT_ROUND * limit };
    const top = await this.projection.findTopCandidates(retrieval, prerank, keep);
    const below = excludedBelow(top.kth, weights.weights);
    const textSkipped = !early && textOnlyBest(weights.weights) < below;
    const textOnly = textSkipped ? [] : await (early ?? textOnlyCandidates());
    const rest = (atLeast: number) => this.projection.findKeptBelow(retrieval, prerank, keep, atLeast);
    const ranked = await this.scoreBounded(need, text, top, rest, textOnly, weights, limit);
    const bounded = textSkipped || top.keptCount < top.eligible;
    if (
      ranked.dropped ||
      (bounded &&
        !boundHolds(
          ranked.items.map((m) => m.scored.total),
          limit,
          below,
        ))
    ) {
      // Only when SQL scored a candidate above the core (a vendor commune the reference data no
      // longer knows) or an offering changed or failed the core's re-check meanwhile: the bounds no
      // longer prove the top N, so every candidate is scored, as before.
      this.logger.warn(`Bounded ranking not provably exact for this need; ranking all ${top.eligible} candidates.`);
      return this.rankExhaustive(need, limit, weights);
    }
    return { items: ranked.items, candidates: top.eligible + textOnly.length, weights };
  }

  /** Every eligible candidate scored (DESIGN §5 as first built): the fallback of `rank`, and its reference in tests. */
  async rankExhaustive(need: MatchingNeed, limit: number, weightsInUse?: WeightsInUse): Promise<Ranking> {
    const text = needText(need);
    const retrieval = retrievalNeed(need);
    // The use-case candidates and the text retrieval run side by side; the few text-only ids are fetched after.
    const [weights, textIds, byUseCase] = await Promise.all([
      weightsInUse ?? this.weights.inUse(),
      this.text.retrieve(text, TEXT_RETRIEVAL_LIMIT),
      this.candidates.findCandidates(retrieval, []),
    ]);
    const known = new Set(byUseCase.map((r) => r.id));
    const textOnly = textIds.filter((id) => !known.has(id));
    const rows =
      textOnly.length > 0 ? [...byUseCase, ...(await this.candidates.findCandidates({ ...retrieval, useCases: [] }, textOnly))] : byUseCase;
    const scored = rows.map((row) => partial(need, row, weights));
    // Every candidate's text is asked: the relevance floor may drop any of them once it is known
    // (decision 021), so no k-th best can be fixed before. The bounded path is the fast one.
    const scores = await this.text.scores(
      text,
      scored.map((s) => s.row.id),
    );
    const { items } = await this.rankScored(need, scored, scores, weights, limit);
    return { items, candidates: rows.length, weights };
  }

  /**
   * The bounded path's scoring. The 4 × N best by pre-rank come with their rows and are asked for
   * text first; their totals floor the N-th best; then only the kept candidates whose pre-rank
   * (never below the core's total without text) plus the whole text share reaches that floor are
   * fetched (`rest`, only when the next best pre-rank can), read and asked, side by side.
   * Text-only candidates come with their rows.
   */
  private async scoreBounded(
    need: MatchingNeed,
    text: string,
    top: TopCandidates,
    rest: (atLeast: number) => Promise<PrerankedId[]>,
    textOnly: ScoringRow[],
    weights: WeightsInUse,
    limit: number,
  ): Promise<Ranked> {
    const sum = weightSum(weights.weights);
    // The floor is the limit-th best total among the first round's candidates the relevance floor
    // keeps: the more of the best pre-ranks it holds, the higher it is and the fewer the second
    // round asks about (at 50k offerings, top 20: 20 + 311 asked with one limit's worth, 80 + 26 with four).
    const first = top.kept.map((k) => partial(need, k.row as ScoringRow, weights));
    const firstScores = await this.text.scores(
      text,
      first.map((s) => s.row.id),
    );
    const firstTotals = first
      .map((s) => ({ s, text: textResult(firstScores, s.row.id) }))
      .filter(({ s, text }) => !belowRelevanceFloor(need.useCases, s.row.useCases, text.score, firstScores.informative))
      .map(({ s, text }) => totalOf({ ...s.results, text }, weights.weights))
      .sort((a, b) => b - a);
    const floor = firstTotals.length < limit ? Number.NEGATIVE_INFINITY : firstTotals[limit - 1];
    const share = textShare(weights.weights);
    // canReach(prerank / sum, share, floor) ⇔ prerank ≥ (floor − share − 0.2) × sum; a hair lower in SQL, exact here.
    const more =
      top.nextPrerank !== null && canReach(top.nextPrerank / sum, share, floor)
        ? await rest(Number.isFinite(floor) ? (floor - share - 0.2) * sum - 1e-6 : -1e12)
        : [];
    const restIds = more.filter((k) => canReach(k.prerank / sum, share, floor)).map((k) => k.id);
    const others = textOnly.map((row) => partial(need, row, weights)).filter((s) => canReach(s.partial, share, floor));
    const [restRows, restText] = await Promise.all([
      this.projection.findScoringRows(restIds),
      this.text.scores(text, [...restIds, ...others.map((s) => s.row.id)]),
    ]);
    const scores = mergeScores(firstScores, restText);
    const ranked = await this.rankScored(
      need,
      [...first, ...restRows.map((row) => partial(need, row, weights)), ...others],
      scores,
      weights,
      limit,
    );
    // An offering gone from the projection between the two queries: the floor may not hold.
    return { ...ranked, dropped: ranked.dropped || restRows.length < restIds.length };
  }

  /** Explains, ranks and re-checks the top of scored candidates, with their text relevance. */
  private async rankScored(
    need: MatchingNeed,
    scored: Scored[],
    scores: TextScores,
    weights: WeightsInUse,
    limit: number,
  ): Promise<Ranked> {
    const proximityOf = new Map<string, RankedMatch['proximity']>();
    const candidates: ScoredCandidate[] = [];
    for (const s of scored) {
      const text = textResult(scores, s.row.id);
      // The relevance floor (issue 26): off-topic offerings are never matches, in either path alike.
      if (belowRelevanceFloor(need.useCases, s.row.useCases, text.score, scores.informative)) continue;
      proximityOf.set(s.row.id, s.results.proximity.relation);
      candidates.push(scoreCandidate(s.row.id, { ...s.results, text }, weights.weights));
    }
    return this.topEligible(need, rankCandidates(candidates), limit, proximityOf);
  }

  /**
   * The SQL already applied every eligibility rule and the need's reach; the pure core re-checks
   * the offerings shown (DESIGN §5.1), reading their full rows, which only the top of the ranking needs.
   */
  private async topEligible(
    need: MatchingNeed,
    ranked: ScoredCandidate[],
    limit: number,
    proximityOf: Map<string, RankedMatch['proximity']>,
  ): Promise<{ items: RankedMatch[]; dropped: boolean }> {
    const eligibility = eligibilityNeed(need);
    const reach = needReachArea(need);
    const items: RankedMatch[] = [];
    let dropped = false;
    for (let start = 0; start < ranked.length && items.length < limit;) {
      const slice = ranked.slice(start, start + limit - items.length + 5);
      start += slice.length;
      const rows = new Map((await this.candidates.findCandidateRows(slice.map((c) => c.offeringId))).map((r) => [r.id, r]));
      for (const scored of slice) {
        const row = rows.get(scored.offeringId);
        if (!row || exclusions(eligibility, eligibilityOffering(row)).length > 0 || outOfReach(reach, vendorSites(row)) !== null) {
          dropped = true;
          continue;
        }
        items.push({ scored, row, proximity: proximityOf.get(scored.offeringId) as RankedMatch['proximity'] });
        if (items.length >= limit) break;
      }
    }
    return { items, dropped };
  }
}

function partial(need: MatchingNeed, row: ScoringRow, weights: WeightsInUse): Scored {
  const results = criteriaWithoutText(need, row);
  return { row, results, partial: totalOf({ ...results, text: NO_TEXT }, weights.weights) };
}
