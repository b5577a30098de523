import { Inject, Injectable, Logger } from '@nestjs/common';
import { isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { assertCanRead } from '../needs/need-access.js';
import type { NeedEntity } from '../needs/need.entity.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { PROXIMITY_RELATIONS } from '../reference/geo/proximity.js';
import { SEARCH_INDEX, type SearchIndex } from '../search/search-index.port.js';
import type { ExcludedOfferingDto, MarketDepthDto, MatchDto, MatchesDto } from './dto/match.dto.js';
import {
  criteriaWithoutText,
  criterionDtos,
  eligibilityNeed,
  eligibilityOffering,
  gradeDto,
  needText,
  offeringSummary,
  publicVendor,
  retrievalNeed,
  type MatchingNeed,
} from './match-view.js';
import { MatchesErrors } from './matches.errors.js';
import { MatchingRepository, type CandidateRow, type PrerankedId, type ScoringRow } from './matching.repository.js';
import { MatchingWeightsService, type WeightsInUse } from './matching-weights.service.js';
import { textCriterion } from './scoring/criteria.js';
import { exclusions, type Exclusion } from './scoring/eligibility.js';
import { rankCandidates, scoreCandidate, totalOf, type CriterionResult, type ScoredCandidate } from './scoring/ranking.js';
import { prerankSql } from './scoring/prerank.js';
import { boundHolds, canReach, excludedBelow, needsTextScore, prerankSlack, textOnlyBest, textRetrievalSkippable, textShare, weightSum } from './scoring/top-k.js';
import { SCORING_VERSION } from './scoring/weights.js';

/** How many offerings the search index contributes by text alone (DESIGN §5.1: "top few hundred"). */
export const TEXT_RETRIEVAL_LIMIT = 200;
/** The bounded ranking's first round of text relevance covers this many times `limit` best pre-ranks. */
export const FIRST_TEXT_ROUND = 4;
/** Excluded offerings listed to curators, at most. */
const EXCLUDED_LIMIT = 200;

export interface RankedMatch {
  scored: ScoredCandidate;
  row: CandidateRow;
  proximity: string;
}

export interface Ranking {
  items: RankedMatch[];
  candidates: number;
  textAvailable: boolean;
  weights: WeightsInUse;
}

/**
 * DESIGN §5: candidates from SQL (eligibility + shared use case or text retrieval), re-checked and
 * scored by the pure core. SQL pre-ranks them so that only those that can still reach the top
 * `limit` are read and scored, and text relevance is asked only for those (see `needsTextScore`).
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);

  constructor(
    private readonly repository: MatchingRepository,
    private readonly needs: NeedsRepository,
    private readonly weights: MatchingWeightsService,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  /** GET /needs/:id/matches. Buyers: their own published needs; staff: any, with excluded offerings on request. */
  async matchesFor(caller: Caller, needId: string, query: { limit?: number; includeExcluded?: boolean }): Promise<MatchesDto> {
    // The weights are read beside the need: they reveal nothing, and it saves a round trip.
    const [entity, weights] = await Promise.all([this.needs.findById(needId), this.weights.inUse()]);
    assertCanRead(caller, entity);
    // Why each offering was excluded exposes the catalogue's rules at work: a curator's tool.
    if (query.includeExcluded && !isStaff(caller)) throw CommonErrors.FORBIDDEN('Only curators and admins may list excluded offerings.');
    if (entity.status !== 'published') {
      throw MatchesErrors.NEED_NOT_PUBLISHED(undefined, { status: entity.status });
    }
    const need = await this.matchingNeed(entity);
    const ranking = await this.rank(need, query.limit ?? 20, weights);
    const dto: MatchesDto = {
      needId,
      scoringVersion: SCORING_VERSION,
      weights: ranking.weights.weights,
      weightsVersion: ranking.weights.version,
      candidates: ranking.candidates,
      textAvailable: ranking.textAvailable,
      items: ranking.items.map((m, i) => toMatchDto(m, i + 1)),
    };
    if (query.includeExcluded) dto.excluded = await this.excluded(need);
    return dto;
  }

  /** GET /needs/:id/market-depth: eligible offerings sharing a use case, by grade and proximity; drafts too. */
  async marketDepth(caller: Caller, needId: string): Promise<MarketDepthDto> {
    const entity = await this.needs.findById(needId);
    assertCanRead(caller, entity);
    const need = await this.matchingNeed(entity);
    const rows = await this.repository.findEligibleByUseCase(retrievalNeed(need));
    const eligibility = eligibilityNeed(need);
    const byGrade: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
    const byProximity: Record<string, number> = Object.fromEntries(PROXIMITY_RELATIONS.filter((r) => r !== 'out_of_area').map((r) => [r, 0]));
    let eligible = 0;
    let local = 0;
    for (const row of rows) {
      if (exclusions(eligibility, eligibilityOffering(row)).length > 0) continue;
      eligible++;
      byGrade[row.sovereigntyGrade] = (byGrade[row.sovereigntyGrade] ?? 0) + 1;
      const relation = criteriaWithoutText(need, row).proximity.relation;
      byProximity[relation] = (byProximity[relation] ?? 0) + 1;
      if (relation === 'same_departement' || relation === 'adjacent_departement') local++;
    }
    return { needId, needStatus: entity.status, eligible, byGrade, byProximity, local };
  }

  /**
   * Why this offering may not be matched with (or introduced to) this need, by the rules of
   * DESIGN §5.1; empty = eligible. Introductions ask it before a curator's proposal lands.
   */
  async exclusionsFor(need: NeedEntity, offeringId: string): Promise<Exclusion[]> {
    const [row] = await this.repository.findCandidateRows([offeringId]);
    if (!row) return [{ rule: 'NOT_PUBLISHED', reason: "L'offre n'existe pas." }];
    return exclusions(eligibilityNeed(await this.matchingNeed(need)), eligibilityOffering(row));
  }

  /**
   * The ranking itself, with no access check: for the routes above and the benchmark. Bounded
   * (decision 010): SQL pre-ranks the use-case candidates on every criterion but text and returns
   * only those that can still reach the top `limit`; text retrieval runs only when an offering
   * sharing no use case could still get there. The result is the exhaustive ranking's: checked by
   * `boundHolds` each time, with `rankExhaustive` as the fallback.
   */
  async rank(need: MatchingNeed, limit: number, weightsInUse?: WeightsInUse): Promise<Ranking> {
    const weights = weightsInUse ?? (await this.weights.inUse());
    if (need.useCases.length === 0 || Object.values(weights.weights).every((w) => w === 0)) return this.rankExhaustive(need, limit, weights);
    const text = needText(need);
    const retrieval = retrievalNeed(need);
    // When these weights can never leave text retrieval out, it runs beside the pre-rank.
    const early = textRetrievalSkippable(weights.weights) ? null : this.textRetrieval(text);
    const top = await this.repository.findTopCandidates(retrieval, (param) => prerankSql(need, weights.weights, param), {
      rank: limit,
      slack: prerankSlack(weights.weights),
      withRows: FIRST_TEXT_ROUND * limit,
    });
    const below = excludedBelow(top.kth, weights.weights);
    const textSkipped = !early && textOnlyBest(weights.weights) < below;
    const textOnly = textSkipped ? [] : await this.repository.findTextOnlyCandidates(retrieval, await (early ?? this.textRetrieval(text)));
    const ranked = await this.scoreBounded(need, text, top.kept, textOnly, weights, limit);
    const bounded = textSkipped || top.kept.length < top.eligible;
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
    return { items: ranked.items, textAvailable: ranked.textAvailable, candidates: top.eligible + textOnly.length, weights };
  }

  /** Every eligible candidate scored (DESIGN §5 as first built): the fallback of `rank`, and its reference in tests. */
  async rankExhaustive(need: MatchingNeed, limit: number, weightsInUse?: WeightsInUse): Promise<Ranking> {
    const text = needText(need);
    const retrieval = retrievalNeed(need);
    // The use-case candidates and the text retrieval run side by side; the few text-only ids are fetched after.
    const [weights, textIds, byUseCase] = await Promise.all([
      weightsInUse ?? this.weights.inUse(),
      this.textRetrieval(text),
      this.repository.findCandidates(retrieval, []),
    ]);
    const known = new Set(byUseCase.map((r) => r.id));
    const textOnly = textIds.filter((id) => !known.has(id));
    const rows = textOnly.length > 0 ? [...byUseCase, ...(await this.repository.findCandidates({ ...retrieval, useCases: [] }, textOnly))] : byUseCase;
    const { items, textAvailable } = await this.scoreAndRank(need, text, rows, weights, limit);
    return { items, textAvailable, candidates: rows.length, weights };
  }

  /** Scores every candidate (text relevance only where it can change the top), ranks them and re-checks the top. */
  private async scoreAndRank(
    need: MatchingNeed,
    text: string,
    rows: ScoringRow[],
    weights: WeightsInUse,
    limit: number,
  ): Promise<{ items: RankedMatch[]; textAvailable: boolean; dropped: boolean }> {
    const scored = rows.map((row) => this.partial(need, row, weights));
    const ask = needsTextScore(
      scored.map((s) => s.partial),
      textShare(weights.weights),
      limit,
    );
    const relevance = await this.relevance(
      text,
      scored.filter((_, i) => ask[i]).map((s) => s.row.id),
    );
    return this.rankScored(need, scored, relevance.scores, weights, limit);
  }

  /**
   * The bounded path's scoring. The 4 × N best by pre-rank come with their rows and are asked for
   * text first; their totals floor the N-th best; then only the candidates whose pre-rank (never
   * below the core's total without text) plus the whole text share reaches that floor are read
   * and asked, side by side. Text-only candidates come with their rows.
   */
  private async scoreBounded(
    need: MatchingNeed,
    text: string,
    kept: readonly PrerankedId[],
    textOnly: ScoringRow[],
    weights: WeightsInUse,
    limit: number,
  ): Promise<{ items: RankedMatch[]; textAvailable: boolean; dropped: boolean }> {
    const sum = weightSum(weights.weights);
    // The floor is the limit-th best total among the first round: the more of the best pre-ranks it
    // holds, the higher it is and the fewer the second round asks about (at 50k offerings, top 20:
    // 20 + 311 asked with one limit's worth, 80 + 26 with four).
    const withRows = kept.filter((k) => k.row !== null);
    const first = withRows.map((k) => this.partial(need, k.row as ScoringRow, weights));
    let { scores } = await this.relevance(
      text,
      first.map((s) => s.row.id),
    );
    const floor =
      first.length < limit
        ? Number.NEGATIVE_INFINITY
        : first.map((s) => totalOf({ ...s.results, text: textResult(scores, s.row.id) }, weights.weights)).sort((a, b) => b - a)[limit - 1];
    // Search down: text counts 0 for everyone, so nothing more to ask and no text share to add.
    const share = scores ? textShare(weights.weights) : 0;
    const restIds = kept
      .filter((k) => k.row === null && canReach(k.prerank / sum, share, floor))
      .map((k) => k.id);
    const others = textOnly.map((row) => this.partial(need, row, weights)).filter((s) => canReach(s.partial, share, floor));
    const [restRows, restText] = await Promise.all([
      this.repository.findScoringRows(restIds),
      this.relevance(text, scores ? [...restIds, ...others.map((s) => s.row.id)] : []),
    ]);
    if (scores) scores = restText.scores ? new Map([...scores, ...restText.scores]) : null;
    const ranked = await this.rankScored(need, [...first, ...restRows.map((row) => this.partial(need, row, weights)), ...others], scores, weights, limit);
    // An offering gone from the projection between the two queries: the floor may not hold.
    return { ...ranked, dropped: ranked.dropped || restRows.length < restIds.length };
  }

  private partial(need: MatchingNeed, row: ScoringRow, weights: WeightsInUse): Scored {
    const results = criteriaWithoutText(need, row);
    return { row, results, partial: totalOf({ ...results, text: NO_TEXT }, weights.weights) };
  }

  /** Explains, ranks and re-checks the top of scored candidates, with their text relevance (null = search down). */
  private async rankScored(
    need: MatchingNeed,
    scored: Scored[],
    scores: Map<string, number> | null,
    weights: WeightsInUse,
    limit: number,
  ): Promise<{ items: RankedMatch[]; textAvailable: boolean; dropped: boolean }> {
    const proximityOf = new Map<string, RankedMatch['proximity']>();
    const candidates = scored.map((s) => {
      proximityOf.set(s.row.id, s.results.proximity.relation);
      return scoreCandidate(s.row.id, { ...s.results, text: textResult(scores, s.row.id) }, weights.weights);
    });
    return { ...(await this.topEligible(need, rankCandidates(candidates), limit, proximityOf)), textAvailable: scores !== null };
  }

  /**
   * The SQL already applied every eligibility rule; the pure core re-checks the offerings shown
   * (DESIGN §5.1), reading their full rows, which only the top of the ranking needs.
   */
  private async topEligible(
    need: MatchingNeed,
    ranked: ScoredCandidate[],
    limit: number,
    proximityOf: Map<string, RankedMatch['proximity']>,
  ): Promise<{ items: RankedMatch[]; dropped: boolean }> {
    const eligibility = eligibilityNeed(need);
    const items: RankedMatch[] = [];
    let dropped = false;
    for (let start = 0; start < ranked.length && items.length < limit; ) {
      const slice = ranked.slice(start, start + limit - items.length + 5);
      start += slice.length;
      const rows = new Map((await this.repository.findCandidateRows(slice.map((c) => c.offeringId))).map((r) => [r.id, r]));
      for (const scored of slice) {
        const row = rows.get(scored.offeringId);
        if (!row || exclusions(eligibility, eligibilityOffering(row)).length > 0) {
          dropped = true;
          continue;
        }
        items.push({ scored, row, proximity: proximityOf.get(scored.offeringId) as RankedMatch['proximity'] });
        if (items.length >= limit) break;
      }
    }
    return { items, dropped };
  }

  private async textRetrieval(text: string): Promise<string[]> {
    try {
      return await this.search.topIds(text, TEXT_RETRIEVAL_LIMIT);
    } catch (error) {
      this.logger.warn(`Text retrieval unavailable, matching on use cases only: ${String(error)}`);
      return [];
    }
  }

  /** Relevance of the asked ids, or null scores when the search index is down (text then counts 0). */
  private async relevance(text: string, ids: string[]): Promise<{ scores: Map<string, number> | null }> {
    if (ids.length === 0) return { scores: new Map() };
    try {
      return { scores: await this.search.relevance(text, ids) };
    } catch (error) {
      this.logger.warn(`Text relevance unavailable, scored 0: ${String(error)}`);
      return { scores: null };
    }
  }

  private async excluded(need: MatchingNeed): Promise<ExcludedOfferingDto[]> {
    if (need.useCases.length === 0) return [];
    const rows = await this.repository.findPublishedByUseCase(need.useCases, EXCLUDED_LIMIT * 5);
    const eligibility = eligibilityNeed(need);
    const out: ExcludedOfferingDto[] = [];
    for (const row of rows) {
      const found = exclusions(eligibility, eligibilityOffering(row));
      if (found.length > 0) out.push({ offering: offeringSummary(row), vendor: publicVendor(row), grade: gradeDto(row), exclusions: found });
      if (out.length >= EXCLUDED_LIMIT) break;
    }
    return out;
  }

  /** The need with its buyer's type (the fit criterion): from the organisation read with it, else one query. */
  private async matchingNeed(need: NeedEntity): Promise<MatchingNeed> {
    const buyerType = need.organisation ? need.organisation.buyerType : await this.repository.buyerTypeOf(need.organisationId);
    return { ...need, buyerType };
  }
}

interface Scored {
  row: ScoringRow;
  results: ReturnType<typeof criteriaWithoutText>;
  /** Total without text. */
  partial: number;
}

const NO_TEXT: CriterionResult = { score: 0, reason: '' };

/** The text criterion from the relevance scores; search down (null) = 0, said in the reason. */
function textResult(scores: Map<string, number> | null, id: string): CriterionResult {
  return scores ? textCriterion(scores.get(id) ?? 0) : { score: 0, reason: 'Index de recherche indisponible : pertinence du texte comptée 0.' };
}

function toMatchDto(m: RankedMatch, rank: number): MatchDto {
  return {
    rank,
    total: m.scored.total,
    criteria: criterionDtos(m.scored.criteria),
    grade: gradeDto(m.row),
    proximity: m.proximity,
    offering: offeringSummary(m.row),
    vendor: publicVendor(m.row),
  };
}
