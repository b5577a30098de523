import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccountLinkPurpose } from './account-links.js';

export interface UsableAccountToken {
  id: string;
  userId: string;
}

export interface IssuedRecently {
  lastAt: Date | null;
  inLastHour: number;
}

/** `account_token` rows and the one account fact the publication gate reads. */
@Injectable()
export class AccountTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: { userId: string; purpose: AccountLinkPurpose; tokenHash: string; expiresAt: Date }) {
    await manager.query('INSERT INTO account_token (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, $4)', [
      row.userId,
      row.purpose,
      row.tokenHash,
      row.expiresAt,
    ]);
  }

  async issuedRecently(manager: EntityManager, userId: string, purpose: AccountLinkPurpose): Promise<IssuedRecently> {
    const [row] = (await manager.query(
      `SELECT max(created_at) AS "lastAt", count(*) FILTER (WHERE created_at > now() - interval '1 hour')::int AS "inLastHour"
         FROM account_token WHERE user_id = $1 AND purpose = $2`,
      [userId, purpose],
    )) as IssuedRecently[];
    return row;
  }

  /** The unused, unexpired token with this hash, locked: two uses at once are serialised, the second finds it used. */
  async lockUsable(manager: EntityManager, tokenHash: string, purpose: AccountLinkPurpose): Promise<UsableAccountToken | null> {
    const rows = (await manager.query(
      `SELECT id, user_id AS "userId" FROM account_token
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        FOR UPDATE`,
      [tokenHash, purpose],
    )) as UsableAccountToken[];
    return rows[0] ?? null;
  }

  async isUsable(tokenHash: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      'SELECT 1 FROM account_token WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()',
      [tokenHash],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Uses up every open link of this purpose: one reset ends the others sent before it. */
  async useAll(manager: EntityManager, userId: string, purpose: AccountLinkPurpose): Promise<void> {
    await manager.query('UPDATE account_token SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [
      userId,
      purpose,
    ]);
  }

  /** RGPD erasure, inside its transaction: the links go with the account's personal fields. */
  async deleteAllOfUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('DELETE FROM account_token WHERE user_id = $1', [userId]);
  }

  async isEmailVerified(userId: string, manager?: EntityManager): Promise<boolean> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      'SELECT 1 FROM app_user WHERE id = $1 AND email_verified_at IS NOT NULL',
      [userId],
    )) as unknown[];
    return rows.length > 0;
  }
}
