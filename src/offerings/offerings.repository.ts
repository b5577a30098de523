import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EntityReader } from '../persistence/entity-reader.js';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { OfferingClaimEntity, OfferingEntity, type OfferingStatus } from './offering.entity.js';

export type NewOffering = Pick<OfferingEntity, 'vendorId' | 'title' | 'createdBy'>;

export interface OfferingWithVendorName {
  offering: OfferingEntity;
  vendorName: string;
}

export interface OfferingWithVendor extends OfferingWithVendorName {
  vendorVerified: boolean;
}

@Injectable()
export class OfferingsRepository {
  /** The hot reads (GET /offerings/:id) without a query builder per call: decision 013. */
  private readonly offeringReader: EntityReader<OfferingEntity>;
  private readonly claimReader: EntityReader<OfferingClaimEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.offeringReader = new EntityReader(dataSource, OfferingEntity);
    this.claimReader = new EntityReader(dataSource, OfferingClaimEntity);
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OfferingEntity);
  }

  private claims(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OfferingClaimEntity);
  }

  /** A new draft; the caller fills the other fields and saves it in the same transaction. */
  create(manager: EntityManager, values: NewOffering): OfferingEntity {
    return this.repo(manager).create({
      ...values,
      status: 'draft',
      summary: null,
      description: null,
      useCases: [],
      sectors: [],
      serviceNational: false,
      serviceRegions: [],
      serviceDepartements: [],
      remoteDelivery: false,
      pricingModel: null,
      minBudgetEur: null,
      maxBudgetEur: null,
      targetBuyerTypes: [],
      referencesCount: 0,
      referenceSectors: [],
      sovereignty: null,
      gradeVerified: false,
      publishedAt: null,
      archivedAt: null,
    });
  }

  save(manager: EntityManager, offering: OfferingEntity): Promise<OfferingEntity> {
    return this.repo(manager).save(offering);
  }

  findById(id: string, manager?: EntityManager): Promise<OfferingEntity | null> {
    return this.offeringReader.findOneBy('id', id, manager);
  }

  lockById(manager: EntityManager, id: string): Promise<OfferingEntity | null> {
    return this.repo(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  claimsOf(offeringId: string, manager?: EntityManager): Promise<OfferingClaimEntity[]> {
    return this.claimReader.findBy('offeringId', offeringId, manager);
  }

  async claimsOfMany(offeringIds: string[]): Promise<Map<string, OfferingClaimEntity[]>> {
    const rows = offeringIds.length === 0 ? [] : await this.claims().findBy({ offeringId: In(offeringIds) });
    const byOffering = new Map<string, OfferingClaimEntity[]>();
    for (const row of rows) byOffering.set(row.offeringId, [...(byOffering.get(row.offeringId) ?? []), row]);
    return byOffering;
  }

  async saveClaims(manager: EntityManager, rows: OfferingClaimEntity[]): Promise<void> {
    if (rows.length > 0) await this.claims(manager).save(rows);
  }

  newClaim(offeringId: string, claim: string): OfferingClaimEntity {
    return this.claims().create({
      offeringId,
      claim,
      status: 'declared',
      evidenceUrl: null,
      evidenceDocumentRef: null,
      evidenceValidUntil: null,
      expiryWarnedFor: null,
      comment: null,
      decidedBy: null,
      decidedAt: null,
    });
  }

  /** A vendor's offerings, newest change first, optionally of some statuses only. */
  async listByVendor(
    vendorId: string,
    statuses: readonly OfferingStatus[],
    window: { offset: number; limit: number },
    manager?: EntityManager,
  ): Promise<{ rows: OfferingEntity[]; total: number }> {
    const [rows, total] = await this.repo(manager).findAndCount({
      where: { vendorId, status: In([...statuses]) },
      order: { updatedAt: 'DESC', id: 'ASC' },
      skip: window.offset,
      take: window.limit,
    });
    return { rows, total };
  }

  /** Ids of a vendor's published offerings, whose search documents show the vendor. */
  async publishedIdsOfVendor(manager: EntityManager, vendorId: string): Promise<string[]> {
    const rows = await this.repo(manager).find({ select: { id: true }, where: { vendorId, status: 'published' }, order: { id: 'ASC' } });
    return rows.map((r) => r.id);
  }

  /** Those of `ids` that are published now by a verified vendor, with the vendor's name. */
  async findSearchable(ids: string[]): Promise<OfferingWithVendorName[]> {
    if (ids.length === 0) return [];
    const { entities, raw } = await this.repo()
      .createQueryBuilder('o')
      .innerJoin(OrganisationEntity, 'org', 'org.id = o.vendor_id')
      .addSelect('org.name', 'vendor_name')
      .where('o.id IN (:...ids)', { ids })
      .andWhere("o.status = 'published'")
      .andWhere('org.verified_at IS NOT NULL')
      .orderBy('o.id')
      .getRawAndEntities<{ o_id: string; vendor_name: string }>();
    const names = new Map(raw.map((r) => [r.o_id, r.vendor_name]));
    return entities.map((offering) => ({ offering, vendorName: names.get(offering.id) ?? '' }));
  }

  /**
   * Published offerings with a sovereignty profile whose grade is not yet "vérifié": some claim
   * that earns points still waits for a curator. Longest published first, with the vendor.
   */
  async findAwaitingClaimReview(limit: number): Promise<OfferingWithVendor[]> {
    const { entities, raw } = await this.repo()
      .createQueryBuilder('o')
      .innerJoin(OrganisationEntity, 'org', 'org.id = o.vendor_id')
      .addSelect('org.name', 'vendor_name')
      .addSelect('org.verified_at IS NOT NULL', 'vendor_verified')
      .where("o.status = 'published'")
      .andWhere('o.sovereignty IS NOT NULL')
      .andWhere('o.grade_verified = false')
      .orderBy('o.published_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(limit)
      .getRawAndEntities<{ o_id: string; vendor_name: string; vendor_verified: boolean }>();
    const vendors = new Map(raw.map((r) => [r.o_id, r]));
    return entities.map((offering) => ({
      offering,
      vendorName: vendors.get(offering.id)?.vendor_name ?? '',
      vendorVerified: vendors.get(offering.id)?.vendor_verified === true,
    }));
  }

  /** Ids of searchable offerings after `afterId`, in id order: the reindex walks them in pages. */
  async searchableIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const qb = this.repo()
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .innerJoin(OrganisationEntity, 'org', 'org.id = o.vendor_id')
      .where("o.status = 'published'")
      .andWhere('org.verified_at IS NOT NULL');
    if (afterId) qb.andWhere('o.id > :afterId', { afterId });
    const rows = await qb.orderBy('o.id').limit(limit).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
