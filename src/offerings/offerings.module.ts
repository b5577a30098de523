import { AccountLinksModule } from '../account-links/account-links.module.js';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { OFFERING_DOCUMENT_SOURCE } from '../search/offering-document.source.js';
import { ClaimEvidenceNotificationsHandler } from './claim-evidence-notifications.handler.js';
import { ClaimExpiryJob } from './claim-expiry.job.js';
import { OfferingClaimsService } from './offering-claims.service.js';
import { OfferingEvidenceRepository } from './offering-evidence.repository.js';
import { OfferingDocumentsSource } from './offering-documents.source.js';
import { OfferingsController } from './offerings.controller.js';
import { OfferingsRepository } from './offerings.repository.js';
import { OfferingsService } from './offerings.service.js';

@Module({
  imports: [AuditModule, OrganisationsModule, OutboxModule, NotificationsModule, AccountLinksModule],
  controllers: [OfferingsController],
  providers: [
    OfferingsRepository,
    OfferingsService,
    OfferingClaimsService,
    OfferingEvidenceRepository,
    ClaimExpiryJob,
    ClaimEvidenceNotificationsHandler,
    OfferingDocumentsSource,
    { provide: OFFERING_DOCUMENT_SOURCE, useExisting: OfferingDocumentsSource },
  ],
  exports: [OfferingsRepository, OfferingsService, OfferingClaimsService, OFFERING_DOCUMENT_SOURCE],
})
export class OfferingsModule {}
