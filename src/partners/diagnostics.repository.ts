import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A diagnostic as the curators' pages show it, with the partner it came from (null: none). */
export interface DiagnosticRow {
  id: string;
  externalId: string;
  partnerId: string | null;
  partnerName: string | null;
  organisationName: string;
  siren: string;
  expertName: string;
  expertEmail: string;
  diagnosedOn: string;
  createdAt: Date;
  needCount: number;
}

/** One need of a diagnostic, with where it stands. */
export interface DiagnosticNeedRow {
  id: string;
  code: string;
  title: string;
  status: string;
  claimed: boolean;
  createdAt: Date;
}

const DIAGNOSTIC_COLUMNS = `d.id, d.external_id AS "externalId", d.partner_id AS "partnerId", p.name AS "partnerName",
       o.name AS "organisationName", o.siren, d.expert_name AS "expertName", d.expert_email AS "expertEmail",
       to_char(d.diagnosed_on, 'YYYY-MM-DD') AS "diagnosedOn", d.created_at AS "createdAt",
       (SELECT count(*)::int FROM need n WHERE n.diagnostic_id = d.id) AS "needCount"
  FROM diagnostic d JOIN organisation o ON o.id = d.organisation_id LEFT JOIN partner p ON p.id = d.partner_id`;

/** Imported diagnostics and the needs they produced (decision 029); always inside the import's transaction. */
@Injectable()
export class DiagnosticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The partner's (or, with null, the partner-less) diagnostic with this id: inserted, or the existing row (locked until the import commits). */
  async upsert(
    manager: EntityManager,
    d: {
      partnerId: string | null;
      externalId: string;
      organisationId: string;
      expertName: string;
      expertEmail: string;
      diagnosedOn: string;
    },
  ): Promise<{ id: string; organisationId: string }> {
    const rows = (await manager.query(
      `INSERT INTO diagnostic (partner_id, external_id, organisation_id, expert_name, expert_email, diagnosed_on)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ${d.partnerId === null ? '(external_id) WHERE partner_id IS NULL' : '(partner_id, external_id)'} DO UPDATE SET external_id = EXCLUDED.external_id
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

  /** Use case code → need id of the diagnostic with this id, if imported already (nothing locked: a preview). */
  async existingNeeds(
    manager: EntityManager,
    partnerId: string | null,
    externalId: string,
  ): Promise<{ organisationId: string; needs: Map<string, string> } | null> {
    const rows = (await manager.query(
      'SELECT id, organisation_id AS "organisationId" FROM diagnostic WHERE partner_id IS NOT DISTINCT FROM $1::uuid AND external_id = $2',
      [partnerId, externalId],
    )) as { id: string; organisationId: string }[];
    if (!rows[0]) return null;
    return { organisationId: rows[0].organisationId, needs: await this.needsOf(manager, rows[0].id) };
  }

  async find(id: string): Promise<DiagnosticRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${DIAGNOSTIC_COLUMNS} WHERE d.id = $1`, [id])) as DiagnosticRow[];
    return rows[0] ?? null;
  }

  /** The latest imported diagnostics, newest first. */
  latest(limit: number): Promise<DiagnosticRow[]> {
    return this.dataSource.query(`SELECT ${DIAGNOSTIC_COLUMNS} ORDER BY d.created_at DESC, d.id LIMIT $1`, [limit]) as Promise<
      DiagnosticRow[]
    >;
  }

  /** A diagnostic's needs together, in the order of its use case codes. */
  needsWithStatus(diagnosticId: string): Promise<DiagnosticNeedRow[]> {
    return this.dataSource.query(
      `SELECT id, diagnostic_use_case AS code, title, status, created_by IS NOT NULL AS claimed, created_at AS "createdAt"
         FROM need WHERE diagnostic_id = $1 ORDER BY diagnostic_use_case`,
      [diagnosticId],
    ) as Promise<DiagnosticNeedRow[]>;
  }
}
