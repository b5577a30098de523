import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { IntroductionsModule } from '../introductions/introductions.module.js';
import { MatchesModule } from '../matches/matches.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { AgendaMailer } from './agenda-mailer.js';
import { EventAgendaService } from './event-agenda.service.js';
import { BusinessEventsController, PublicBusinessEventsController } from './business-events.controller.js';
import { BusinessEventsRepository } from './business-events.repository.js';
import { BusinessEventsService } from './business-events.service.js';
import { EventAttendanceController } from './event-attendance.controller.js';
import { EventAttendeesRepository } from './event-attendees.repository.js';
import { EventCandidatesService } from './event-candidates.service.js';
import { EventGridController } from './event-grid.controller.js';
import { EventGridService } from './event-grid.service.js';
import { EventFollowUpService } from './event-follow-up.service.js';
import { EventProposalsRepository } from './event-proposals.repository.js';
import { EventRegistrationsService } from './event-registrations.service.js';
import { EventSchedulingService } from './event-scheduling.service.js';
import { RegistrationDeadlineJob } from './registration-deadline.job.js';

/** Business meetings (issue 19, decision 028): the events, and the scheduler in scheduling/. */
@Module({
  imports: [AuditModule, MatchesModule, NeedsModule, IntroductionsModule, OutboxModule, NotificationsModule],
  controllers: [BusinessEventsController, PublicBusinessEventsController, EventAttendanceController, EventGridController],
  providers: [
    BusinessEventsRepository,
    BusinessEventsService,
    EventAttendeesRepository,
    EventCandidatesService,
    EventProposalsRepository,
    EventRegistrationsService,
    EventSchedulingService,
    EventFollowUpService,
    EventAgendaService,
    EventGridService,
    AgendaMailer,
    RegistrationDeadlineJob,
  ],
  exports: [
    BusinessEventsService,
    EventAgendaService,
    EventFollowUpService,
    EventGridService,
    EventRegistrationsService,
    EventSchedulingService,
  ],
})
export class MeetingsModule {}
