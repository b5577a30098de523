import { Injectable } from '@nestjs/common';
import type { NeedEntity } from '../needs/need.entity.js';
import type { ExcludedOfferingDto } from './dto/match.dto.js';
import { eligibilityNeed, eligibilityOffering, gradeDto, offeringSummary, publicVendor, type MatchingNeed } from './match-view.js';
import { MatchingNeedReader } from './matching-need.reader.js';
import { OfferingCandidatesRepository } from './repositories/offering-candidates.repository.js';
import { exclusions, type Exclusion } from './scoring/eligibility.js';

/** Excluded offerings listed to curators, at most. */
const EXCLUDED_LIMIT = 200;

/** Which rules of DESIGN §5.1 keep an offering away from a need: introductions and the curators' view. */
@Injectable()
export class OfferingExclusionsService {
  constructor(
    private readonly candidates: OfferingCandidatesRepository,
    private readonly needs: MatchingNeedReader,
  ) {}

  /**
   * Why this offering may not be matched with (or introduced to) this need; empty = eligible.
   * Introductions ask it before a curator's proposal lands.
   */
  async exclusionsFor(need: NeedEntity, offeringId: string): Promise<Exclusion[]> {
    const [row] = await this.candidates.findCandidateRows([offeringId]);
    if (!row) return [{ rule: 'NOT_PUBLISHED', reason: "L'offre n'existe pas." }];
    return exclusions(eligibilityNeed(await this.needs.withBuyerType(need)), eligibilityOffering(row));
  }

  /** Published offerings sharing a use case that a rule excluded, each rule with its reason: a curator's tool. */
  async excludedOfferings(need: MatchingNeed): Promise<ExcludedOfferingDto[]> {
    if (need.useCases.length === 0) return [];
    const rows = await this.candidates.findPublishedByUseCase(need.useCases, EXCLUDED_LIMIT * 5);
    const eligibility = eligibilityNeed(need);
    const out: ExcludedOfferingDto[] = [];
    for (const row of rows) {
      const found = exclusions(eligibility, eligibilityOffering(row));
      if (found.length > 0)
        out.push({ offering: offeringSummary(row), vendor: publicVendor(row), grade: gradeDto(row), exclusions: found });
      if (out.length >= EXCLUDED_LIMIT) break;
    }
    return out;
  }
}
