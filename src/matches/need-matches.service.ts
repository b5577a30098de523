import { Injectable } from '@nestjs/common';
import { isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { assertCanRead } from '../needs/need-access.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import type { MatchDto, MatchesDto } from './dto/match.dto.js';
import { criterionDtos, gradeDto, offeringSummary, publicVendor } from './match-view.js';
import { MatchesErrors } from './matches.errors.js';
import { MatchingNeedReader } from './matching-need.reader.js';
import { MatchingWeightsService } from './matching-weights.service.js';
import { OfferingExclusionsService } from './offering-exclusions.service.js';
import { OtherLeadsService } from './other-leads.service.js';
import { Ranker, type RankedMatch } from './ranking/ranker.js';
import { SCORING_VERSION } from './scoring/weights.js';

/** GET /needs/:id/matches. Buyers: their own published needs; staff: any, with excluded offerings on request. */
@Injectable()
export class NeedMatchesService {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly matchingNeeds: MatchingNeedReader,
    private readonly weights: MatchingWeightsService,
    private readonly ranker: Ranker,
    private readonly exclusions: OfferingExclusionsService,
    private readonly others: OtherLeadsService,
  ) {}

  async matchesFor(caller: Caller, needId: string, query: { limit?: number; includeExcluded?: boolean }): Promise<MatchesDto> {
    // The weights are read beside the need: they reveal nothing, and it saves a round trip.
    const [entity, weights] = await Promise.all([this.needs.findById(needId), this.weights.inUse()]);
    assertCanRead(caller, entity);
    // Why each offering was excluded exposes the catalogue's rules at work: a curator's tool.
    if (query.includeExcluded && !isStaff(caller)) throw CommonErrors.FORBIDDEN('Only curators and admins may list excluded offerings.');
    if (entity.status !== 'published') {
      throw MatchesErrors.NEED_NOT_PUBLISHED(undefined, { status: entity.status });
    }
    const need = await this.matchingNeeds.withBuyerType(entity);
    const ranking = await this.ranker.rank(need, query.limit ?? 20, weights);
    const dto: MatchesDto = {
      needId,
      scoringVersion: SCORING_VERSION,
      weights: ranking.weights.weights,
      weightsVersion: ranking.weights.version,
      candidates: ranking.candidates,
      items: ranking.items.map((m, i) => toMatchDto(m, i + 1)),
    };
    if (query.includeExcluded)
      [dto.excluded, dto.otherLeads] = await Promise.all([this.exclusions.excludedOfferings(need), this.others.otherLeads(need)]);
    return dto;
  }
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
