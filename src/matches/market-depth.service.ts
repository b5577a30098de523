import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/caller.js';
import { assertCanRead } from '../needs/need-access.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { PROXIMITY_RELATIONS } from '../reference/geo/proximity.js';
import type { MarketDepthDto } from './dto/match.dto.js';
import { criteriaWithoutText, eligibilityNeed, eligibilityOffering, retrievalNeed } from './match-view.js';
import { MatchingNeedReader } from './matching-need.reader.js';
import { OfferingCandidatesRepository } from './repositories/offering-candidates.repository.js';
import { exclusions } from './scoring/eligibility.js';

/** GET /needs/:id/market-depth: eligible offerings sharing a use case, by grade and proximity; drafts too. */
@Injectable()
export class MarketDepthService {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly matchingNeeds: MatchingNeedReader,
    private readonly candidates: OfferingCandidatesRepository,
  ) {}

  async marketDepth(caller: Caller, needId: string): Promise<MarketDepthDto> {
    const entity = await this.needs.findById(needId);
    assertCanRead(caller, entity);
    const need = await this.matchingNeeds.withBuyerType(entity);
    const rows = await this.candidates.findEligibleByUseCase(retrievalNeed(need));
    const eligibility = eligibilityNeed(need);
    const byGrade: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
    const byProximity: Record<string, number> = Object.fromEntries(
      PROXIMITY_RELATIONS.filter((r) => r !== 'out_of_area').map((r) => [r, 0]),
    );
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
}
