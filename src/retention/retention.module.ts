import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { RetentionJob } from './retention.job.js';

@Module({ imports: [AuditModule], providers: [RetentionJob], exports: [RetentionJob] })
export class RetentionModule {}
