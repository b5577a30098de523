import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OfferingsModule } from '../offerings/offerings.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { VendorEstablishmentsController } from './vendor-establishments.controller.js';
import { VendorEstablishmentsService } from './vendor-establishments.service.js';
import { VendorsController } from './vendors.controller.js';
import { VendorVerificationController } from './vendor-verification.controller.js';
import { VendorVerificationService } from './vendor-verification.service.js';
import { VendorsRepository } from './vendors.repository.js';
import { VendorsService } from './vendors.service.js';

@Module({
  imports: [AuditModule, OfferingsModule, OutboxModule],
  controllers: [VendorsController, VendorEstablishmentsController, VendorVerificationController],
  providers: [VendorsRepository, VendorsService, VendorEstablishmentsService, VendorVerificationService],
  exports: [VendorsService, VendorEstablishmentsService, VendorVerificationService],
})
export class VendorsModule {}
