import { OutboxEventEntity } from '../outbox/outbox-event.entity.js';

/** Every entity of the app. ESM has no __dirname globbing: list them here. */
export const entities = [OutboxEventEntity];
