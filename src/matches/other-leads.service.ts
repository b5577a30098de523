import { Injectable } from '@nestjs/common';
import type { OtherLeadDto } from './dto/match.dto.js';
import { gradeDto, needText, offeringSummary, publicVendor, retrievalNeed, type MatchingNeed } from './match-view.js';
import { TEXT_RETRIEVAL_LIMIT } from './ranking/ranker.js';
import { TextRelevance, textResult } from './ranking/text-relevance.js';
import { OfferingCandidatesRepository } from './repositories/offering-candidates.repository.js';
import { belowFloorReason, belowRelevanceFloor } from './scoring/criteria.js';

/** "Autres pistes" listed to curators, at most. */
const OTHER_LEADS_LIMIT = 50;

/**
 * The curators' "autres pistes" (issue 26): eligible offerings the text retrieval found that the
 * relevance floor keeps out of the matches, each with its reason. Never shown to buyers or vendors.
 */
@Injectable()
export class OtherLeadsService {
  constructor(
    private readonly candidates: OfferingCandidatesRepository,
    private readonly text: TextRelevance,
  ) {}

  async otherLeads(need: MatchingNeed): Promise<OtherLeadDto[]> {
    const text = needText(need);
    const textOnly = await this.candidates.findTextOnlyCandidates(
      retrievalNeed(need),
      await this.text.retrieve(text, TEXT_RETRIEVAL_LIMIT),
    );
    const scores = await this.text.scores(
      text,
      textOnly.map((r) => r.id),
    );
    const below = textOnly
      .map((row) => ({ row, score: textResult(scores, row.id).score }))
      .filter(({ row, score }) => belowRelevanceFloor(need.useCases, row.useCases, score))
      .sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : 1))
      .slice(0, OTHER_LEADS_LIMIT);
    const rows = new Map((await this.candidates.findCandidateRows(below.map((b) => b.row.id))).map((r) => [r.id, r]));
    return below.flatMap(({ row: { id }, score }) => {
      const row = rows.get(id);
      return row
        ? [
            {
              offering: offeringSummary(row),
              vendor: publicVendor(row),
              grade: gradeDto(row),
              kind: 'off_topic' as const,
              reason: belowFloorReason(score),
            },
          ]
        : [];
    });
  }
}
