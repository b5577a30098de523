import { Module } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxWorker } from './outbox.worker.js';

@Module({ providers: [OutboxRepository, OutboxWorker], exports: [OutboxRepository, OutboxWorker] })
export class OutboxModule {}
