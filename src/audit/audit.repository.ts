import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pageWindow } from '../common/pagination.js';
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

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  sort: 'createdAt' | '-createdAt';
  page: number;
  pageSize: number;
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

  async search(filter: AuditFilter): Promise<{ items: AuditEventRecord[]; total: number }> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (filter.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.from) qb.andWhere('e.created_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.created_at < :to', { to: filter.to });
    const { offset, limit } = pageWindow(filter);
    const direction = filter.sort === 'createdAt' ? 'ASC' : 'DESC';
    const [rows, total] = await qb
      .orderBy('e.created_at', direction)
      .addOrderBy('e.id', direction)
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return { items: rows.map((r) => ({ ...r })), total };
  }
}
