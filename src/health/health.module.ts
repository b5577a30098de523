import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { OutboxModule } from '../outbox/outbox.module.js';
import { HealthController } from './health.controller.js';
import { OutboxHealthIndicator } from './outbox.health.js';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }), OutboxModule],
  controllers: [HealthController],
  providers: [OutboxHealthIndicator],
})
export class HealthModule {}
