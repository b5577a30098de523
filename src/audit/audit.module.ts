import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditReader } from './audit.reader.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditRepository, AuditReader],
  exports: [AuditService, AuditRepository],
})
export class AuditModule {}
