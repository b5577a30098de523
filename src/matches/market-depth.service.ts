import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/caller.js';
import { assertCanRead } from '../needs/need-access.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { PROXIMITY_RELATIONS } from '../reference/geo/proximity.js';
import type { MarketDepthDto } from './dto/match.dto.js';
import { criteriaWithoutText, eligibilityNeed, eligibilityOffering, retrievalNeed, vendorSites } from './match-view.js';
import { MatchingNeedReader } from './matching-need.reader.js';
import { OfferingCandidatesRepository } from './repositories/offering-candidates.repository.js';
import { exclusions } from './scoring/eligibility.js';
import { outOfReach, reachArea, WIDER_REACHES, type Reach } from './scoring/reach.js';

/**
 * GET /needs/:id/market-depth: eligible offerings sharing a use case within the need's reach, by
 * grade and proximity, and how many more each wider reach would bring; drafts too.
 */
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
    // Read without the reach once: the wider reaches are counted from the same rows.
    const rows = await this.candidates.findEligibleByUseCase({ ...retrievalNeed(need), reachDepartements: null });
    const eligibility = eligibilityNeed(need);
    const reach = (need.reach ?? 'national') as Reach;
    const areaOf = (r: Reach) => reachArea(r, need.departementCode, need.regionCode);
    const byGrade: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
    const byProximity: Record<string, number> = Object.fromEntries(
      PROXIMITY_RELATIONS.filter((r) => r !== 'out_of_area').map((r) => [r, 0]),
    );
    const wider = WIDER_REACHES[reach].map((r) => ({ reach: r as 'regional' | 'national', area: areaOf(r), more: 0 }));
    const area = areaOf(reach);
    let eligible = 0;
    let local = 0;
    for (const row of rows) {
      if (exclusions(eligibility, eligibilityOffering(row)).length > 0) continue;
      const sites = vendorSites(row);
      if (outOfReach(area, sites) !== null) {
        for (const w of wider) if (outOfReach(w.area, sites) === null) w.more++;
        continue;
      }
      eligible++;
      byGrade[row.sovereigntyGrade] = (byGrade[row.sovereigntyGrade] ?? 0) + 1;
      const relation = criteriaWithoutText(need, row).proximity.relation;
      byProximity[relation] = (byProximity[relation] ?? 0) + 1;
      if (relation === 'same_departement' || relation === 'adjacent_departement') local++;
    }
    return {
      needId,
      needStatus: entity.status,
      eligible,
      byGrade,
      byProximity,
      local,
      widerReach: wider.map(({ reach: r, more }) => ({ reach: r, more })),
    };
  }
}
