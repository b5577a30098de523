import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity.js';

export interface AuditEventRecord {
  id: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  createdAt: Date;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Events a user did, or that were done to their account: their share of the log (RGPD export). */
  async findConcerningUser(userId: string): Promise<AuditEventRecord[]> {
    const rows = await this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.actor_id = :userId', { userId })
      .orWhere("(e.entity_type = 'user' AND e.entity_id = :userId)", { userId })
      .orderBy('e.created_at', 'ASC')
      .getMany();
    return rows.map((r) => ({ ...r }));
  }
}
