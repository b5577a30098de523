import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { LeadsService } from './leads.service.js';
import { MarketDepthService } from './market-depth.service.js';
import { MatchingWeightsController, NeedMatchesController, OfferingLeadsController } from './matches.controller.js';
import { MatchingNeedReader } from './matching-need.reader.js';
import { MatchingWeightsService } from './matching-weights.service.js';
import { MatchingService } from './matching.service.js';
import { NeedMatchesService } from './need-matches.service.js';
import { OfferingExclusionsService } from './offering-exclusions.service.js';
import { OtherLeadsService } from './other-leads.service.js';
import { Ranker } from './ranking/ranker.js';
import { TextRelevance } from './ranking/text-relevance.js';
import { BuyerTypesRepository } from './repositories/buyer-types.repository.js';
import { LeadNeedsRepository } from './repositories/lead-needs.repository.js';
import { MatchingWeightsRepository } from './repositories/matching-weights.repository.js';
import { OfferingCandidatesRepository } from './repositories/offering-candidates.repository.js';
import { OfferingMatchRepository } from './repositories/offering-match.repository.js';
import { OfferingTextRepository } from './repositories/offering-text.repository.js';

/** Matching in parts (decision 015): repositories by aggregate, the ranker, and one small service per use case. */
@Module({
  imports: [AuditModule, NeedsModule],
  controllers: [NeedMatchesController, MatchingWeightsController, OfferingLeadsController],
  providers: [
    OfferingCandidatesRepository,
    OfferingMatchRepository,
    LeadNeedsRepository,
    BuyerTypesRepository,
    MatchingWeightsRepository,
    OfferingTextRepository,
    TextRelevance,
    Ranker,
    MatchingNeedReader,
    MatchingWeightsService,
    NeedMatchesService,
    MarketDepthService,
    OfferingExclusionsService,
    OtherLeadsService,
    LeadsService,
    MatchingService,
  ],
  exports: [
    MatchingService,
    MatchingNeedReader,
    LeadNeedsRepository,
    MatchingWeightsService,
    LeadsService,
    Ranker,
    NeedMatchesService,
    MarketDepthService,
    OfferingExclusionsService,
  ],
})
export class MatchesModule {}
