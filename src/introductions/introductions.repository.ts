import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { OPEN_STATUSES, type IntroductionStatus, type Side } from './introduction-lifecycle.js';
import { IntroductionEntity } from './introduction.entity.js';
import { insertReturningId, updateIfVersion } from '../persistence/versioned-writes.js';

export type IntroductionChanges = Partial<
  Omit<
    IntroductionEntity,
    'id' | 'needId' | 'offeringId' | 'vendorOrganisationId' | 'buyerOrganisationId' | 'version' | 'createdAt' | 'updatedAt'
  >
>;
export type NewIntroduction = Pick<
  IntroductionEntity,
  'needId' | 'offeringId' | 'vendorOrganisationId' | 'buyerOrganisationId' | 'curatorId' | 'message'
>;

export interface IntroductionFilter {
  vendorOrganisationId?: string;
  buyerOrganisationId?: string;
  status?: IntroductionStatus;
  needId?: string;
  offeringId?: string;
}

export interface Contact {
  organisationId: string;
  displayName: string;
  email: string | null;
  phone: string | null;
}

/** An introduction whose side has waited long enough for a reminder, claimed for this run. */
export interface DueReminder {
  introductionId: string;
  side: Side;
}

@Injectable()
export class IntroductionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The introduction with its need, offering and both organisations, for the views. */
  private query(manager?: EntityManager): SelectQueryBuilder<IntroductionEntity> {
    return (manager ?? this.dataSource.manager)
      .getRepository(IntroductionEntity)
      .createQueryBuilder('i')
      .innerJoinAndSelect('i.need', 'n')
      .innerJoinAndSelect('i.offering', 'o')
      .innerJoinAndSelect('i.vendorOrganisation', 'vo')
      .innerJoinAndSelect('i.buyerOrganisation', 'bo');
  }

  findById(id: string, manager?: EntityManager): Promise<IntroductionEntity | null> {
    return this.query(manager).where('i.id = :id', { id }).getOne();
  }

  async findOpenIdForPair(manager: EntityManager, needId: string, offeringId: string): Promise<string | null> {
    const row = await manager
      .getRepository(IntroductionEntity)
      .createQueryBuilder('i')
      .select('i.id', 'id')
      .where('i.need_id = :needId AND i.offering_id = :offeringId AND i.status IN (:...open)', { needId, offeringId, open: OPEN_STATUSES })
      .getRawOne<{ id: string }>();
    return row?.id ?? null;
  }

  async insert(manager: EntityManager, values: NewIntroduction): Promise<IntroductionEntity> {
    return (await this.findById(await insertReturningId(manager, IntroductionEntity, values), manager))!;
  }

  /**
   * Applies the changes only if the row still has the version the caller read, bumping it: of two
   * concurrent transitions, the second finds the version moved on and gets null (then 409).
   */
  async updateIfVersion(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    changes: IntroductionChanges,
  ): Promise<IntroductionEntity | null> {
    return (await updateIfVersion(manager, IntroductionEntity, id, expectedVersion, changes)) ? this.findById(id, manager) : null;
  }

  async list(
    filter: IntroductionFilter,
    window: { offset: number; limit: number },
  ): Promise<{ rows: IntroductionEntity[]; total: number }> {
    const q = this.query();
    if (filter.vendorOrganisationId) q.andWhere('i.vendor_organisation_id = :v', { v: filter.vendorOrganisationId });
    if (filter.buyerOrganisationId) q.andWhere('i.buyer_organisation_id = :b', { b: filter.buyerOrganisationId });
    if (filter.status) q.andWhere('i.status = :status', { status: filter.status });
    if (filter.needId) q.andWhere('i.need_id = :needId', { needId: filter.needId });
    if (filter.offeringId) q.andWhere('i.offering_id = :offeringId', { offeringId: filter.offeringId });
    // offset/limit, not skip/take: every join is many-to-one, rows never multiply.
    q.orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'ASC').offset(window.offset).limit(window.limit);
    const [rows, total] = await q.getManyAndCount();
    return { rows, total };
  }

  /** The approved, not erased members of the organisations: the people a connection reveals. */
  async contactsOf(organisationIds: string[], manager?: EntityManager): Promise<Contact[]> {
    if (organisationIds.length === 0) return [];
    return (await (manager ?? this.dataSource.manager).query(
      `SELECT organisation_id AS "organisationId", display_name AS "displayName", email, phone FROM app_user
        WHERE organisation_id = ANY($1::uuid[]) AND membership_status = 'active' AND deleted_at IS NULL
        ORDER BY created_at, id`,
      [organisationIds],
    )) as Contact[];
  }

  /**
   * Claims, for one side, the introductions that have waited for its answer since `cutoff` and
   * were never reminded, marking them reminded in the same statement. SKIP LOCKED lets several app
   * instances run the job at once: each row is claimed by exactly one of them.
   */
  async claimDueReminders(manager: EntityManager, side: Side, cutoff: Date, now: Date, limit: number): Promise<DueReminder[]> {
    const column = side === 'vendor' ? 'reminded_vendor_at' : 'reminded_buyer_at';
    const waiting = side === 'vendor' ? ['proposed', 'buyer_accepted'] : ['proposed', 'vendor_accepted'];
    const [rows] = (await manager.query(
      `UPDATE introduction SET ${column} = $1
        WHERE id IN (SELECT id FROM introduction
                      WHERE status = ANY($2::text[]) AND ${column} IS NULL AND proposed_at <= $3
                      ORDER BY proposed_at LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [now, waiting, cutoff, limit],
    )) as [{ id: string }[], number];
    return rows.map((r) => ({ introductionId: r.id, side }));
  }
}
