import { Module } from '@nestjs/common';
import { AccountLinksModule } from '../account-links/account-links.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminPartnersController } from './admin-partners.controller.js';
import { InvitationResendService } from './invitation-resend.service.js';
import { PartnerAccess } from './partner-access.js';
import { PartnerAccountIntakeController } from './partner-account-intake.controller.js';
import { PartnerAccountController } from './partner-account.controller.js';
import { PartnerMembersController } from './partner-members.controller.js';
import { PartnerMembersService } from './partner-members.service.js';
import { InvitationMailer } from './invitation-mailer.js';
import { NeedInvitationsController } from './need-invitations.controller.js';
import { NeedInvitationsService } from './need-invitations.service.js';
import { PartnerIntakeService } from './partner-intake.service.js';
import { PartnerKeyThrottle } from './partner-key-throttle.service.js';
import { PartnerKeyGuard } from './partner-key.guard.js';
import { PartnerNeedsController } from './partner-needs.controller.js';
import { PartnerMembersRepository } from './partner-members.repository.js';
import { PartnersRepository } from './partners.repository.js';
import { PartnersService } from './partners.service.js';
import { DiagnosticImportService } from './diagnostic-import.service.js';
import { DiagnosticsRepository } from './diagnostics.repository.js';
import { DiagnosticsService } from './diagnostics.service.js';
import { PartnerDiagnosticsController } from './partner-diagnostics.controller.js';
import { PartnerWebhookHandler } from './partner-webhook.handler.js';
import { PartnerWebhooksController } from './partner-webhooks.controller.js';
import { PartnerWebhooksRepository } from './partner-webhooks.repository.js';
import { PartnerWebhooksService } from './partner-webhooks.service.js';

/** Partners, their API keys, the intake of their needs and the buyers' invitations (issue 20, decision 029). */
@Module({
  imports: [
    AccountLinksModule,
    AuditModule,
    CredentialsModule,
    OutboxModule,
    NeedsModule,
    NotificationsModule,
    OrganisationsModule,
    StatsModule,
    UsersModule,
  ],
  controllers: [
    AdminPartnersController,
    PartnerAccountController,
    PartnerMembersController,
    PartnerAccountIntakeController,
    PartnerNeedsController,
    PartnerDiagnosticsController,
    PartnerWebhooksController,
    NeedInvitationsController,
  ],
  providers: [
    PartnersRepository,
    PartnerMembersRepository,
    PartnersService,
    PartnerAccess,
    PartnerMembersService,
    InvitationResendService,
    PartnerKeyThrottle,
    PartnerKeyGuard,
    PartnerIntakeService,
    NeedInvitationsService,
    InvitationMailer,
    PartnerWebhooksRepository,
    PartnerWebhooksService,
    PartnerWebhookHandler,
    DiagnosticsRepository,
    DiagnosticsService,
    DiagnosticImportService,
  ],
  exports: [
    DiagnosticImportService,
    DiagnosticsService,
    PartnerMembersService,
    PartnerIntakeService,
    NeedInvitationsService,
    PartnerAccess,
    PartnersService,
    PartnerWebhooksService,
    InvitationResendService,
  ],
})
export class PartnersModule {}
