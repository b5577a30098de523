import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { NeedStatus } from './need-lifecycle.js';
import { NeedEntity } from './need.entity.js';
import { insertReturningId, updateIfVersion } from '../persistence/versioned-writes.js';

/** The columns a buyer or curator writes; the rest (ids, version, timestamps) the database keeps. */
export type NeedChanges = Partial<
  Omit<NeedEntity, 'id' | 'organisationId' | 'organisation' | 'createdBy' | 'version' | 'createdAt' | 'updatedAt'>
>;
export type NewNeed = NeedChanges & Pick<NeedEntity, 'organisationId' | 'createdBy' | 'title'> & Partial<Pick<NeedEntity, 'source'>>;

export interface NeedFilter {
  organisationId?: string;
  status?: NeedStatus;
  regionCode?: string;
  departementCode?: string;
  useCase?: string;
  createdFrom?: Date;
  createdTo?: Date;
}

export const NEED_SORT_COLUMNS = {
  createdAt: 'n.createdAt',
  updatedAt: 'n.updatedAt',
  submittedAt: 'n.submittedAt',
  publishedAt: 'n.publishedAt',
} as const;
export interface NeedSort {
  field: keyof typeof NEED_SORT_COLUMNS;
  direction: 'ASC' | 'DESC';
}

@Injectable()
export class NeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private query(manager?: EntityManager): SelectQueryBuilder<NeedEntity> {
    return (manager ?? this.dataSource.manager).getRepository(NeedEntity).createQueryBuilder('n').leftJoinAndSelect('n.organisation', 'o');
  }

  /** The need with its buyer organisation (its type drives the suggested requirements). */
  findById(id: string, manager?: EntityManager): Promise<NeedEntity | null> {
    return this.query(manager).where('n.id = :id', { id }).getOne();
  }

  async insert(manager: EntityManager, need: NewNeed): Promise<NeedEntity> {
    return (await this.findById(await insertReturningId(manager, NeedEntity, need), manager))!;
  }

  /**
   * Applies the changes only if the row still has the version the caller read, bumping it: of two
   * concurrent writers, the second finds the version moved on and gets false (then 409).
   */
  async updateIfVersion(manager: EntityManager, id: string, expectedVersion: number, changes: NeedChanges): Promise<NeedEntity | null> {
    return (await updateIfVersion(manager, NeedEntity, id, expectedVersion, changes)) ? this.findById(id, manager) : null;
  }

  async list(
    filter: NeedFilter,
    sort: NeedSort,
    window: { offset: number; limit: number },
  ): Promise<{ rows: NeedEntity[]; total: number }> {
    const q = this.query();
    if (filter.organisationId) q.andWhere('n.organisation_id = :organisationId', { organisationId: filter.organisationId });
    if (filter.status) q.andWhere('n.status = :status', { status: filter.status });
    if (filter.regionCode) q.andWhere('n.region_code = :regionCode', { regionCode: filter.regionCode });
    if (filter.departementCode) q.andWhere('n.departement_code = :departementCode', { departementCode: filter.departementCode });
    // `@>` on the array uses the GIN index.
    if (filter.useCase) q.andWhere('n.use_cases @> ARRAY[:useCase]::text[]', { useCase: filter.useCase });
    if (filter.createdFrom) q.andWhere('n.created_at >= :createdFrom', { createdFrom: filter.createdFrom });
    if (filter.createdTo) q.andWhere('n.created_at < :createdTo', { createdTo: filter.createdTo });
    q.orderBy(NEED_SORT_COLUMNS[sort.field], sort.direction, 'NULLS LAST')
      .addOrderBy('n.id', 'ASC')
      // offset/limit, not skip/take: the join is many-to-one, rows never multiply.
      .offset(window.offset)
      .limit(window.limit);
    const [rows, total] = await q.getManyAndCount();
    return { rows, total };
  }
}
