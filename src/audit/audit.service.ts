import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../identity/caller.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * An actor as the audit log records it; `null` for the system itself (boot tasks). A partner API
 * key acts as role `partner_key` with the key's id in `userId` (decision 029).
 */
export type AuditActor = (Pick<Caller, 'userId' | 'requestId'> & { role: Caller['role'] | 'partner_key' }) | null;

@Injectable()
export class AuditService {
  /**
   * Writes one audit event through the manager of the caller's transaction, so the event exists
   * if and only if the change does. Keep personal data (e-mails, names) out of before/after.
   */
  async record(manager: EntityManager, actor: AuditActor, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        actor?.userId ?? null,
        actor?.role ?? 'system',
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        actor?.requestId ?? null,
      ],
    );
  }
}
