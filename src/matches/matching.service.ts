import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/caller.js';
import type { NeedEntity } from '../needs/need.entity.js';
import type { MarketDepthDto, MatchesDto } from './dto/match.dto.js';
import type { MatchingNeed } from './match-view.js';
import type { WeightsInUse } from './matching-weights.service.js';
import { MarketDepthService } from './market-depth.service.js';
import { NeedMatchesService } from './need-matches.service.js';
import { OfferingExclusionsService } from './offering-exclusions.service.js';
import { Ranker, type Ranking } from './ranking/ranker.js';
import type { Exclusion } from './scoring/eligibility.js';

/**
 * The entry point the console and introductions were written against, kept so they need no
 * change: each method is one use case (decision 015). New callers inject the use case itself.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly matches: NeedMatchesService,
    private readonly depth: MarketDepthService,
    private readonly exclusions: OfferingExclusionsService,
    private readonly ranker: Ranker,
  ) {}

  matchesFor(caller: Caller, needId: string, query: { limit?: number; includeExcluded?: boolean }): Promise<MatchesDto> {
    return this.matches.matchesFor(caller, needId, query);
  }

  marketDepth(caller: Caller, needId: string): Promise<MarketDepthDto> {
    return this.depth.marketDepth(caller, needId);
  }

  exclusionsFor(need: NeedEntity, offeringId: string): Promise<Exclusion[]> {
    return this.exclusions.exclusionsFor(need, offeringId);
  }

  rank(need: MatchingNeed, limit: number, weightsInUse?: WeightsInUse): Promise<Ranking> {
    return this.ranker.rank(need, limit, weightsInUse);
  }
}
