import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface PartnerMemberRow {
  userId: string;
  email: string;
  displayName: string;
  createdAt: Date;
}

/** Partner-admins: who acts for which partner (table partner_member, decision 029), in plain SQL. */
@Injectable()
export class PartnerMembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The partner a partner-admin acts for, or null for anyone else. */
  async memberPartnerId(userId: string): Promise<string | null> {
    const rows = (await this.dataSource.query('SELECT partner_id AS "partnerId" FROM partner_member WHERE user_id = $1', [userId])) as {
      partnerId: string;
    }[];
    return rows[0]?.partnerId ?? null;
  }

  async insertMember(manager: EntityManager, m: { userId: string; partnerId: string; invitedBy: string }): Promise<void> {
    await manager.query('INSERT INTO partner_member (user_id, partner_id, invited_by) VALUES ($1, $2, $3)', [
      m.userId,
      m.partnerId,
      m.invitedBy,
    ]);
  }

  async listMembers(partnerId: string): Promise<PartnerMemberRow[]> {
    return (await this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", m.created_at AS "createdAt"
         FROM partner_member m JOIN app_user u ON u.id = m.user_id
        WHERE m.partner_id = $1 AND u.deleted_at IS NULL
        ORDER BY m.created_at, u.id`,
      [partnerId],
    )) as PartnerMemberRow[];
  }

  /** Locks a live partner-admin's membership of this partner; false when they are not one. */
  async lockMember(manager: EntityManager, partnerId: string, userId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT m.user_id FROM partner_member m JOIN app_user u ON u.id = m.user_id
        WHERE m.partner_id = $1 AND m.user_id = $2 AND u.deleted_at IS NULL
          FOR UPDATE OF m, u`,
      [partnerId, userId],
    )) as unknown[];
    return rows.length > 0;
  }
}
