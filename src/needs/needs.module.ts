import { AccountLinksModule } from '../account-links/account-links.module.js';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { NeedTransitionsService } from './need-transitions.service.js';
import { NeedsController } from './needs.controller.js';
import { NeedsRepository } from './needs.repository.js';
import { NeedsService } from './needs.service.js';

@Module({
  imports: [AuditModule, OutboxModule, OrganisationsModule, AccountLinksModule],
  controllers: [NeedsController],
  providers: [NeedsRepository, NeedsService, NeedTransitionsService],
  exports: [NeedsRepository, NeedsService, NeedTransitionsService],
})
export class NeedsModule {}
