import { Module } from '@nestjs/common';
import { StatsController } from './stats.controller.js';
import { StatsRepository } from './stats.repository.js';
import { StatsService } from './stats.service.js';
import { StatsReportRepository } from './stats-report.repository.js';
import { StatsReportService } from './stats-report.service.js';

@Module({
  controllers: [StatsController],
  providers: [StatsRepository, StatsService, StatsReportRepository, StatsReportService],
  exports: [StatsService, StatsReportService],
})
export class StatsModule {}
