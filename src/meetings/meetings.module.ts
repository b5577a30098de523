import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { BusinessEventsController, PublicBusinessEventsController } from './business-events.controller.js';
import { BusinessEventsRepository } from './business-events.repository.js';
import { BusinessEventsService } from './business-events.service.js';

/** Business meetings (issue 19, decision 028): the events, and the scheduler in scheduling/. */
@Module({
  imports: [AuditModule],
  controllers: [BusinessEventsController, PublicBusinessEventsController],
  providers: [BusinessEventsRepository, BusinessEventsService],
  exports: [BusinessEventsService],
})
export class MeetingsModule {}
