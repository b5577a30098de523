import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { SearchModule } from '../search/search.module.js';
import { LeadsService } from './leads.service.js';
import { MatchingWeightsController, NeedMatchesController, OfferingLeadsController } from './matches.controller.js';
import { MatchingRepository } from './matching.repository.js';
import { MatchingWeightsService } from './matching-weights.service.js';
import { MatchingService } from './matching.service.js';

@Module({
  imports: [AuditModule, NeedsModule, SearchModule],
  controllers: [NeedMatchesController, MatchingWeightsController, OfferingLeadsController],
  providers: [MatchingRepository, MatchingService, MatchingWeightsService, LeadsService],
  exports: [MatchingService, MatchingWeightsService, LeadsService],
})
export class MatchesModule {}
