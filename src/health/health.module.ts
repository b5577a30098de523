import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { OutboxModule } from '../outbox/outbox.module.js';
import { HealthController } from './health.controller.js';
import { SearchModule } from '../search/search.module.js';
import { OutboxHealthIndicator } from './outbox.health.js';
import { SearchHealthIndicator } from './search.health.js';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }), OutboxModule, SearchModule],
  controllers: [HealthController],
  providers: [OutboxHealthIndicator, SearchHealthIndicator],
})
export class HealthModule {}
