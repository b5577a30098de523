import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Imported diagnostics and the needs they produced (decision 029); always inside the import's transaction. */
@Injectable()
export class DiagnosticsRepository {
  /** The partner's diagnostic with this id: inserted, or the existing row (locked until the import commits). */
  async upsert(
    manager: EntityManager,
    d: { partnerId: string; externalId: string; organisationId: string; expertName: string; expertEmail: string; diagnosedOn: string },
  ): Promise<{ id: string; organisationId: string }> {
    const rows = (await manager.query(
      `INSERT INTO diagnostic (partner_id, external_id, organisation_id, expert_name, expert_email, diagnosed_on)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (partner_id, external_id) DO UPDATE SET external_id = EXCLUDED.external_id
       RETURNING id, organisation_id AS "organisationId"`,
      [d.partnerId, d.externalId, d.organisationId, d.expertName, d.expertEmail, d.diagnosedOn],
    )) as { id: string; organisationId: string }[];
    return rows[0];
  }

  /** Use case code → need id, for the needs this diagnostic already produced. */
  async needsOf(manager: EntityManager, diagnosticId: string): Promise<Map<string, string>> {
    const rows = (await manager.query('SELECT id, diagnostic_use_case AS code FROM need WHERE diagnostic_id = $1', [diagnosticId])) as {
      id: string;
      code: string;
    }[];
    return new Map(rows.map((r) => [r.code, r.id]));
  }
}
