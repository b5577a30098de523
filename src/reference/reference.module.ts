import { Module } from '@nestjs/common';
import { ReferenceCacheInterceptor } from './reference-cache.interceptor.js';
import { ReferenceController } from './reference.controller.js';
import { ReferenceService } from './reference.service.js';

@Module({
  controllers: [ReferenceController],
  providers: [ReferenceService, ReferenceCacheInterceptor],
  exports: [ReferenceService],
})
export class ReferenceModule {}
