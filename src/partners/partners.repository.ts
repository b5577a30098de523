import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApiKeyScope, PartnerKind } from './partner-vocabulary.js';

export interface PartnerRow {
  id: string;
  name: string;
  kind: PartnerKind;
  allowedOrigins: string[];
  createdAt: Date;
}

export interface ApiKeyRow {
  id: string;
  partnerId: string;
  label: string;
  prefix: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface InvitationRow {
  id: string;
  needId: string;
  email: string;
  expiresAt: Date;
  claimedAt: Date | null;
  replacedAt: Date | null;
}

/** A partner's unclaimed draft, and the invitation that may be sent again for it. */
export interface ResendableRow {
  needId: string;
  status: string;
  claimed: boolean;
  title: string;
  organisationName: string;
  partnerName: string;
  /** The need the invitation points at: the first draft of its diagnostic when it came from one. */
  invitationNeedId: string | null;
  email: string | null;
  lastSentAt: Date | null;
  sentToday: number;
}

export interface PartnerNeedRow {
  id: string;
  title: string;
  status: string;
  siren: string;
  createdAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  closedAt: Date | null;
  claimedAt: Date | null;
  introductions: number;
}

const PARTNER = `id, name, kind, allowed_origins AS "allowedOrigins", created_at AS "createdAt"`;
const KEY = `id, partner_id AS "partnerId", label, prefix, scopes, expires_at AS "expiresAt", last_used_at AS "lastUsedAt",
  revoked_at AS "revokedAt", created_at AS "createdAt"`;

/** Partners, their API keys and the invitations of their drafts (decision 029), in plain SQL. */
@Injectable()
export class PartnersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insertPartner(
    manager: EntityManager,
    p: { name: string; kind: PartnerKind; allowedOrigins: string[]; createdBy: string },
  ): Promise<PartnerRow> {
    const rows = (await manager.query(
      `INSERT INTO partner (name, kind, allowed_origins, created_by) VALUES ($1, $2, $3, $4) RETURNING ${PARTNER}`,
      [p.name, p.kind, p.allowedOrigins, p.createdBy],
    )) as PartnerRow[];
    return rows[0];
  }

  async findPartner(id: string, manager?: EntityManager): Promise<PartnerRow | null> {
    const rows = (await this.q(manager).query(`SELECT ${PARTNER} FROM partner WHERE id = $1`, [id])) as PartnerRow[];
    return rows[0] ?? null;
  }

  listPartners(): Promise<PartnerRow[]> {
    return this.dataSource.query(`SELECT ${PARTNER} FROM partner ORDER BY lower(name)`) as Promise<PartnerRow[]>;
  }

  async insertKey(
    manager: EntityManager,
    k: {
      partnerId: string;
      label: string;
      prefix: string;
      hash: string;
      scopes: ApiKeyScope[];
      expiresAt: Date | null;
      createdBy: string | null;
    },
  ): Promise<ApiKeyRow> {
    const rows = (await manager.query(
      `INSERT INTO partner_api_key (partner_id, label, prefix, secret_hash, scopes, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${KEY}`,
      [k.partnerId, k.label, k.prefix, k.hash, k.scopes, k.expiresAt, k.createdBy],
    )) as ApiKeyRow[];
    return rows[0];
  }

  listKeys(partnerId: string): Promise<ApiKeyRow[]> {
    return this.dataSource.query(`SELECT ${KEY} FROM partner_api_key WHERE partner_id = $1 ORDER BY created_at DESC, id`, [
      partnerId,
    ]) as Promise<ApiKeyRow[]>;
  }

  /** Revokes once: a second revocation keeps the first date and returns null. */
  async revokeKey(manager: EntityManager, partnerId: string, keyId: string): Promise<ApiKeyRow | null> {
    const [rows] = (await manager.query(
      `UPDATE partner_api_key SET revoked_at = now() WHERE id = $1 AND partner_id = $2 AND revoked_at IS NULL RETURNING ${KEY}`,
      [keyId, partnerId],
    )) as [ApiKeyRow[], number];
    return rows[0] ?? null;
  }

  async findKey(partnerId: string, keyId: string, manager?: EntityManager): Promise<ApiKeyRow | null> {
    const rows = (await this.q(manager).query(`SELECT ${KEY} FROM partner_api_key WHERE id = $1 AND partner_id = $2`, [
      keyId,
      partnerId,
    ])) as ApiKeyRow[];
    return rows[0] ?? null;
  }

  /** The key with this hash, live or not: the guard tells expired and revoked apart only in logs. */
  async findKeyByHash(hash: string): Promise<ApiKeyRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${KEY} FROM partner_api_key WHERE secret_hash = $1`, [hash])) as ApiKeyRow[];
    return rows[0] ?? null;
  }

  /** At most one write a minute per key: last use is a hint for admins, not a counter. */
  async touchKey(keyId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE partner_api_key SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [keyId],
    );
  }

  async insertInvitation(
    manager: EntityManager,
    i: { needId: string; email: string; tokenHash: string; expiresAt: Date },
  ): Promise<string> {
    const rows = (await manager.query(
      `INSERT INTO need_invitation (need_id, email, token_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [i.needId, i.email, i.tokenHash, i.expiresAt],
    )) as { id: string }[];
    return rows[0].id;
  }

  async findInvitationByHash(tokenHash: string, manager?: EntityManager, lock = false): Promise<InvitationRow | null> {
    const rows = (await this.q(manager).query(
      `SELECT id, need_id AS "needId", email, expires_at AS "expiresAt", claimed_at AS "claimedAt", replaced_at AS "replacedAt"
         FROM need_invitation WHERE token_hash = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [tokenHash],
    )) as InvitationRow[];
    return rows[0] ?? null;
  }

  /** What the invitation's page shows: who brought which draft for which company. */
  async invitationPreview(
    tokenHash: string,
  ): Promise<(InvitationRow & { partnerName: string; title: string; organisationName: string; siren: string }) | null> {
    const rows = (await this.dataSource.query(
      `SELECT i.id, i.need_id AS "needId", i.email, i.expires_at AS "expiresAt", i.claimed_at AS "claimedAt",
              i.replaced_at AS "replacedAt", COALESCE(p.name, 'L''équipe Circuit IA') AS "partnerName", n.title, o.name AS "organisationName", o.siren
         FROM need_invitation i
         JOIN need n ON n.id = i.need_id
         JOIN organisation o ON o.id = n.organisation_id
         LEFT JOIN partner p ON p.id = n.partner_id
        WHERE i.token_hash = $1`,
      [tokenHash],
    )) as (InvitationRow & { partnerName: string; title: string; organisationName: string; siren: string })[];
    return rows[0] ?? null;
  }

  async markClaimed(manager: EntityManager, invitationId: string, userId: string): Promise<void> {
    await manager.query('UPDATE need_invitation SET claimed_at = now(), claimed_by = $2 WHERE id = $1', [invitationId, userId]);
  }

  /** The partner's needs, newest first, with what it may know: status, dates, claim and introductions. */
  async listPartnerNeeds(partnerId: string, window: { offset: number; limit: number }): Promise<{ rows: PartnerNeedRow[]; total: number }> {
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.title, n.status, o.siren, n.created_at AS "createdAt", n.submitted_at AS "submittedAt",
              n.published_at AS "publishedAt", n.closed_at AS "closedAt",
              (SELECT max(i.claimed_at) FROM need_invitation i WHERE i.need_id = n.id) AS "claimedAt",
              (SELECT count(*)::int FROM introduction x WHERE x.need_id = n.id) AS introductions,
              count(*) OVER ()::int AS total
         FROM need n JOIN organisation o ON o.id = n.organisation_id
        WHERE n.partner_id = $1
        ORDER BY n.created_at DESC, n.id
        OFFSET $2 LIMIT $3`,
      [partnerId, window.offset, window.limit],
    )) as (PartnerNeedRow & { total: number })[];
    if (rows.length === 0 && window.offset > 0) {
      const [{ total }] = (await this.dataSource.query('SELECT count(*)::int AS total FROM need WHERE partner_id = $1', [partnerId])) as {
        total: number;
      }[];
      return { rows: [], total };
    }
    return { rows: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  /**
   * Takes the buyer's claim on the partner's draft, and on the other drafts of its diagnostic if it
   * came from one (they share one invitation): the needs get their author. Returns their ids.
   */
  async setNeedAuthorIfUnset(manager: EntityManager, needId: string, userId: string): Promise<string[]> {
    const [rows] = (await manager.query(
      `UPDATE need SET created_by = $2
        WHERE created_by IS NULL AND status = 'draft'
          AND (id = $1 OR diagnostic_id = (SELECT diagnostic_id FROM need WHERE id = $1 AND diagnostic_id IS NOT NULL))
        RETURNING id`,
      [needId, userId],
    )) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }

  async countActiveMembers(manager: EntityManager, organisationId: string): Promise<number> {
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int AS n FROM app_user WHERE organisation_id = $1 AND membership_status = 'active' AND deleted_at IS NULL`,
      [organisationId],
    )) as { n: number }[];
    return n;
  }

  /**
   * Locks a partner's need and finds its latest invitation (its own, or its diagnostic's), with how
   * recently and how often one was sent: what a resend needs to decide. Null when the need is not the partner's.
   */
  async lockResendable(manager: EntityManager, partnerId: string, needId: string): Promise<ResendableRow | null> {
    const rows = (await manager.query(
      `WITH target AS (
         SELECT n.id, n.status, n.created_by, n.diagnostic_id, n.title, o.name AS organisation_name, p.name AS partner_name
           FROM need n JOIN organisation o ON o.id = n.organisation_id JOIN partner p ON p.id = n.partner_id
          WHERE n.id = $1 AND n.partner_id = $2
            FOR UPDATE OF n),
       invitations AS (
         SELECT i.* FROM need_invitation i, target t
          WHERE i.need_id = t.id
             OR i.need_id IN (SELECT d.id FROM need d WHERE d.diagnostic_id = t.diagnostic_id AND t.diagnostic_id IS NOT NULL))
       SELECT t.id AS "needId", t.status, t.created_by IS NOT NULL AS claimed, t.title,
              t.organisation_name AS "organisationName", t.partner_name AS "partnerName",
              (SELECT need_id FROM invitations ORDER BY created_at DESC LIMIT 1) AS "invitationNeedId",
              (SELECT email FROM invitations ORDER BY created_at DESC LIMIT 1) AS email,
              (SELECT max(created_at) FROM invitations) AS "lastSentAt",
              (SELECT count(*)::int FROM invitations WHERE created_at > now() - interval '1 day') AS "sentToday"
         FROM target t`,
      [needId, partnerId],
    )) as ResendableRow[];
    return rows[0] ?? null;
  }

  /** Earlier invitations of these needs stop working: a resent link replaces them. */
  async replaceInvitations(manager: EntityManager, needId: string): Promise<void> {
    await manager.query(
      `UPDATE need_invitation SET replaced_at = now()
        WHERE claimed_at IS NULL AND replaced_at IS NULL
          AND (need_id = $1 OR need_id IN (SELECT d.id FROM need d JOIN need n ON n.diagnostic_id = d.diagnostic_id WHERE n.id = $1))`,
      [needId],
    );
  }
}
