import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { OfferingEntity } from '../offerings/offering.entity.js';
import { confirmedSiteCommunes } from '../organisations/establishment-sql.js';
import { OrganisationEntity, type Establishment, type VerificationStatus } from '../organisations/organisation.entity.js';

/** A place filter, already expanded: the départements it covers and their régions. */
export interface PlaceFilter {
  departements: string[];
  regions: string[];
}

export interface VendorFilters {
  places: PlaceFilter[];
  useCase?: string;
  /** Verified vendors (the public catalogue, by name) or those awaiting verification (oldest registration first). */
  verified: boolean;
  /** Only vendors with an establishment no curator has confirmed yet. */
  establishmentsToConfirm?: boolean;
  /** Among unverified vendors, which ones: `pending` (the curators' queue) unless said otherwise. */
  verificationStatus?: VerificationStatus;
}

/** The public profile and the legal data: one form, one row, one save. */
export type VendorProfileChanges = Partial<
  Pick<OrganisationEntity, 'name' | 'description' | 'website' | 'headcountBand' | 'siret' | 'nafCode' | 'communeCode' | 'establishments'>
>;

/** INSEE commune codes start with their département: 3 characters overseas (97x), 2 elsewhere (incl. 2A/2B). */
const departementOf = (commune: string): string =>
  `(CASE WHEN left(${commune}, 2) = '97' THEN left(${commune}, 3) ELSE left(${commune}, 2) END)`;

/** Vendors are organisations of kind `vendor`; this repository holds the queries of their public catalogue. */
@Injectable()
export class VendorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OrganisationEntity);
  }

  findVendor(id: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.repo(manager).findOneBy({ id, kind: 'vendor' });
  }

  lockVendor(manager: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return this.repo(manager).findOne({ where: { id, kind: 'vendor' }, lock: { mode: 'pessimistic_write' } });
  }

  /** Saves through the entity so the optimistic version column moves on. */
  async updateProfile(manager: EntityManager, vendor: OrganisationEntity, changes: VendorProfileChanges): Promise<OrganisationEntity> {
    Object.assign(vendor, changes);
    return this.repo(manager).save(vendor);
  }

  /** A verification step (decision 032): saved through the entity, so the version moves on. */
  async saveVerification(
    manager: EntityManager,
    vendor: OrganisationEntity,
    changes: Pick<OrganisationEntity, 'verificationStatus' | 'verificationMessage' | 'verificationAnswer'>,
  ): Promise<OrganisationEntity> {
    Object.assign(vendor, changes);
    return this.repo(manager).save(vendor);
  }

  /** A curator's confirmation: saved through the entity, so the version moves on and a member's concurrent edit gets a 409. */
  async saveEstablishments(
    manager: EntityManager,
    vendor: OrganisationEntity,
    establishments: Establishment[],
  ): Promise<OrganisationEntity> {
    vendor.establishments = establishments;
    return this.repo(manager).save(vendor);
  }

  async markVerified(manager: EntityManager, vendor: OrganisationEntity, at: Date): Promise<OrganisationEntity> {
    vendor.verifiedAt = at;
    return this.repo(manager).save(vendor);
  }

  /**
   * Verified vendors, by name; or, for curators, unverified ones, oldest registration first. A place matches a vendor whose head office or one of whose
   * confirmed establishments (decision 022) is in it, or that has a published offering serving it (national, or a declared
   * région or département covering it). Remote delivery alone does not count: it would match all.
   */
  async list(filters: VendorFilters, window: { offset: number; limit: number }): Promise<{ rows: OrganisationEntity[]; total: number }> {
    const qb = this.repo()
      .createQueryBuilder('o')
      .where("o.kind = 'vendor'")
      .andWhere(filters.verified ? 'o.verified_at IS NOT NULL' : 'o.verified_at IS NULL');
    if (!filters.verified) qb.andWhere('o.verification_status = :status', { status: filters.verificationStatus ?? 'pending' });
    const published = (alias: string): string =>
      `SELECT 1 FROM ${this.dataSource.getMetadata(OfferingEntity).tableName} ${alias} WHERE ${alias}.vendor_id = o.id AND ${alias}.status = 'published'`;
    filters.places.forEach((place, i) => {
      const deps = `:deps${i}`;
      const regions = `:regions${i}`;
      qb.andWhere(
        `(${departementOf('o.commune_code')} = ANY(${deps})
          OR EXISTS (SELECT 1 FROM unnest(${confirmedSiteCommunes('o')}) AS site WHERE ${departementOf('site')} = ANY(${deps}))
          OR EXISTS (${published('f')} AND (f.service_national OR f.service_departements && CAST(${deps} AS text[]) OR f.service_regions && CAST(${regions} AS text[]))))`,
        { [`deps${i}`]: place.departements, [`regions${i}`]: place.regions },
      );
    });
    if (filters.establishmentsToConfirm)
      qb.andWhere("EXISTS (SELECT 1 FROM jsonb_array_elements(o.establishments) e WHERE e->>'confirmedAt' IS NULL)");
    if (filters.useCase) qb.andWhere(`EXISTS (${published('u')} AND :useCase = ANY(u.use_cases))`, { useCase: filters.useCase });
    if (filters.verified) qb.orderBy('o.name', 'ASC');
    else qb.orderBy('o.created_at', 'ASC');
    const [rows, total] = await qb.addOrderBy('o.id', 'ASC').skip(window.offset).take(window.limit).getManyAndCount();
    return { rows, total };
  }
}
