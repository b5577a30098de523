import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OfferingsModule } from '../offerings/offerings.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { VendorsController } from './vendors.controller.js';
import { VendorsRepository } from './vendors.repository.js';
import { VendorsService } from './vendors.service.js';

@Module({
  imports: [AuditModule, OfferingsModule, OutboxModule],
  controllers: [VendorsController],
  providers: [VendorsRepository, VendorsService],
  exports: [VendorsService],
})
export class VendorsModule {}
