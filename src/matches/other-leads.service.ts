import { Injectable } from '@nestjs/common';
import type { OtherLeadDto } from './dto/match.dto.js';
import {
  criteriaWithoutText,
  gradeDto,
  needReachArea,
  needText,
  offeringSummary,
  publicVendor,
  retrievalNeed,
  vendorSites,
  type MatchingNeed,
} from './match-view.js';
import { TEXT_RETRIEVAL_LIMIT } from './ranking/ranker.js';
import { TextRelevance, textResult } from './ranking/text-relevance.js';
import { OfferingCandidatesRepository } from './repositories/offering-candidates.repository.js';
import type { CandidateRow } from './repositories/offering-rows.js';
import { belowFloorReason, belowRelevanceFloor, sharesUseCase } from './scoring/criteria.js';
import { outOfReach } from './scoring/reach.js';
import { totalOf } from './scoring/ranking.js';
import { DEFAULT_WEIGHTS } from './scoring/weights.js';

/** "Autres pistes" of each kind listed to curators, at most. */
const OTHER_LEADS_LIMIT = 50;

/**
 * The curators' "autres pistes" (issue 26), each with its reason, never shown to buyers or vendors:
 * eligible offerings the text retrieval found that the relevance floor keeps out of the matches
 * (`off_topic`), and offerings sharing a use case whose vendor is outside the need's reach
 * (`out_of_reach`), the closest fits first.
 */
@Injectable()
export class OtherLeadsService {
  constructor(
    private readonly candidates: OfferingCandidatesRepository,
    private readonly text: TextRelevance,
  ) {}

  async otherLeads(need: MatchingNeed): Promise<OtherLeadDto[]> {
    const [offTopic, farAway] = await Promise.all([this.offTopic(need), this.outOfReach(need)]);
    return [...farAway, ...offTopic];
  }

  /** Eligible offerings under the relevance floor: found by text alone, or sharing a use case with a weak text. */
  private async offTopic(need: MatchingNeed): Promise<OtherLeadDto[]> {
    const text = needText(need);
    const retrieval = retrievalNeed(need);
    const [textOnly, onTopic] = await Promise.all([
      this.text.retrieve(text, TEXT_RETRIEVAL_LIMIT).then((ids) => this.candidates.findTextOnlyCandidates(retrieval, ids)),
      need.useCases.length > 0 ? this.candidates.findCandidates(retrieval, []) : [],
    ]);
    const all = [...textOnly, ...onTopic];
    const scores = await this.text.scores(
      text,
      all.map((r) => r.id),
    );
    const below = all
      .map((row) => ({ row, score: textResult(scores, row.id).score }))
      .filter(({ row, score }) => belowRelevanceFloor(need.useCases, row.useCases, score, scores.informative))
      .sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : 1))
      .slice(0, OTHER_LEADS_LIMIT);
    const rows = new Map((await this.candidates.findCandidateRows(below.map((b) => b.row.id))).map((r) => [r.id, r]));
    return below.flatMap(({ row: { id }, score }) => {
      const row = rows.get(id);
      return row ? [lead(row, 'off_topic', belowFloorReason(sharesUseCase(need.useCases, row.useCases), score))] : [];
    });
  }

  private async outOfReach(need: MatchingNeed): Promise<OtherLeadDto[]> {
    const area = needReachArea(need);
    const rows = await this.candidates.findOutOfReach(retrievalNeed(need), OTHER_LEADS_LIMIT * 4);
    const fit = (row: CandidateRow): number =>
      totalOf({ ...criteriaWithoutText(need, row), text: { score: 0, reason: '' } }, DEFAULT_WEIGHTS);
    return rows
      .map((row) => ({ row, fit: fit(row), reason: outOfReach(area, vendorSites(row)) }))
      .filter((r): r is { row: CandidateRow; fit: number; reason: string } => r.reason !== null)
      .sort((a, b) => b.fit - a.fit || (a.row.id < b.row.id ? -1 : 1))
      .slice(0, OTHER_LEADS_LIMIT)
      .map(({ row, reason }) => lead(row, 'out_of_reach', reason));
  }
}

function lead(row: CandidateRow, kind: OtherLeadDto['kind'], reason: string): OtherLeadDto {
  return { offering: offeringSummary(row), vendor: publicVendor(row), grade: gradeDto(row), kind, reason };
}
