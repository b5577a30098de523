import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MatchesModule } from '../matches/matches.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { OfferingsModule } from '../offerings/offerings.module.js';
import { MatchJudgmentsController, RelevanceJudgmentsController } from './judgments.controller.js';
import { JudgmentsRepository } from './judgments.repository.js';
import { JudgmentsService } from './judgments.service.js';

/** Curators' relevance marks (issue 26, decision 023). */
@Module({
  imports: [AuditModule, NeedsModule, OfferingsModule, MatchesModule],
  controllers: [MatchJudgmentsController, RelevanceJudgmentsController],
  providers: [JudgmentsRepository, JudgmentsService],
  exports: [JudgmentsService],
})
export class JudgmentsModule {}
