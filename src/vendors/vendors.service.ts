import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertMemberOf, isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { pageOf, pageWindow, type Page } from '../common/pagination.js';
import type { OfferingSummaryDto } from '../offerings/dto/offering.dto.js';
import { OFFERING_STATUSES } from '../offerings/offering.entity.js';
import { toOfferingSummaryDto } from '../offerings/offering-view.js';
import { canSeeUnpublished } from '../offerings/offerings.service.js';
import { OfferingsRepository } from '../offerings/offerings.repository.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import { checkOrganisationCoherence } from '../organisations/organisation-rules.js';
import { carryConfirmations } from '../organisations/establishments.js';
import { toEstablishmentView } from '../organisations/organisation-view.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { VENDOR_VERIFICATION_TOPICS } from '../outbox/vendor-verification-topics.js';
import { findCommune, findDepartement, findRegion, listDepartements, regionOfDepartement } from '../reference/geo/geography.js';
import type { DepartementCode, RegionCode } from '../reference/data/geo.types.js';
import { OFFERING_CHANGED } from '../search/offering-document.source.js';
import type { UpdateVendorProfileDto } from './dto/vendor-profile.dto.js';
import type { VendorDto, VendorListQueryDto, VendorOfferingsQueryDto, VendorSummaryDto } from './dto/vendor.dto.js';
import { VendorsErrors } from './vendors.errors.js';
import { VendorsRepository, type PlaceFilter, type VendorProfileChanges } from './vendors.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';

const MAX_OFFERINGS_ON_PAGE = 100;

@Injectable()
export class VendorsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly vendors: VendorsRepository,
    private readonly offerings: OfferingsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The public catalogue of vendors: verified ones only. With `verified: false`, curators and
   * admins get the vendors awaiting verification instead, oldest registration first (403 for others).
   */
  async list(query: VendorListQueryDto, caller: Caller | null = null): Promise<Page<VendorSummaryDto>> {
    const verified = query.verified ?? true;
    if (!verified && !(caller && isStaff(caller)))
      throw CommonErrors.FORBIDDEN('Only curators and admins list vendors awaiting verification.');
    if (query.establishmentsToConfirm && !(caller && isStaff(caller)))
      throw CommonErrors.FORBIDDEN('Only curators and admins list vendors with establishments to confirm.');
    const places: PlaceFilter[] = [];
    if (query.region)
      places.push({ regions: [query.region], departements: listDepartements(query.region as RegionCode).map((d) => d.departementCode) });
    if (query.departement) {
      const region = regionOfDepartement(query.departement as DepartementCode);
      places.push({ departements: [query.departement], regions: region ? [region] : [] });
    }
    const { rows, total } = await this.vendors.list(
      {
        places,
        useCase: query.useCase,
        verified,
        establishmentsToConfirm: query.establishmentsToConfirm,
        verificationStatus: query.verificationStatus,
      },
      pageWindow(query),
    );
    return pageOf(rows.map(toVendorSummary), total, query);
  }

  async get(caller: Caller | null, vendorId: string): Promise<VendorDto> {
    const vendor = await this.visibleVendor(caller, vendorId);
    const { rows } = await this.offerings.listByVendor(vendor.id, ['published'], { offset: 0, limit: MAX_OFFERINGS_ON_PAGE });
    return toVendorDto(vendor, rows.map(toOfferingSummaryDto));
  }

  /** A vendor's offerings: all statuses for its members and staff, published ones for everyone else. */
  async listOfferings(caller: Caller | null, vendorId: string, query: VendorOfferingsQueryDto): Promise<Page<OfferingSummaryDto>> {
    const vendor = await this.visibleVendor(caller, vendorId);
    const statuses = canSeeUnpublished(caller, vendor.id) ? (query.status ? [query.status] : OFFERING_STATUSES) : ['published' as const];
    const { rows, total } = await this.offerings.listByVendor(vendor.id, statuses, pageWindow(query));
    return pageOf(rows.map(toOfferingSummaryDto), total, query);
  }

  /**
   * The vendor's profile, by its members: public fields (PATCH /vendors/:id) and, from the console,
   * the legal data of the same row: one lock, one version bump, one audit entry. A new name
   * reaches the search documents.
   */
  async update(caller: Caller, vendorId: string, dto: UpdateVendorProfileDto): Promise<VendorDto> {
    assertMemberOf(caller, vendorId);
    return this.transactions.run(async (manager) => {
      const vendor = await this.vendors.lockVendor(manager, vendorId);
      if (!vendor) throw VendorsErrors.VENDOR_NOT_FOUND();
      if (dto.version !== vendor.version) throw CommonErrors.STALE_VERSION();
      const { version: _version, ...changes } = dto;
      checkOrganisationCoherence(vendor, changes);
      const before = auditView(vendor);
      const renamed = changes.name !== undefined && changes.name !== vendor.name;
      const establishments = changes.establishments && carryConfirmations(vendor.establishments, changes.establishments);
      const updated = await this.vendors.updateProfile(manager, vendor, {
        ...(changes as VendorProfileChanges),
        ...(establishments ? { establishments } : {}),
      });
      await this.audit.record(manager, caller, {
        action: 'vendor.update',
        entityType: 'organisation',
        entityId: vendorId,
        before,
        after: auditView(updated),
      });
      if (renamed) await this.refreshSearch(manager, vendorId);
      return this.detail(manager, updated);
    });
  }

  /** A curator vouches for the organisation: its offerings may then be published. */
  async verify(caller: Caller, vendorId: string): Promise<VendorDto> {
    return this.transactions.run(async (manager) => {
      const vendor = await this.vendors.lockVendor(manager, vendorId);
      if (!vendor) throw VendorsErrors.VENDOR_NOT_FOUND();
      if (vendor.verifiedAt) throw VendorsErrors.VENDOR_ALREADY_VERIFIED(undefined, { verifiedAt: vendor.verifiedAt });
      const verified = await this.vendors.markVerified(manager, vendor, new Date());
      await this.audit.record(manager, caller, {
        action: 'vendor.verify',
        entityType: 'organisation',
        entityId: vendorId,
        before: { verifiedAt: null },
        after: { verifiedAt: verified.verifiedAt?.toISOString() },
      });
      await this.outbox.enqueue(manager, VENDOR_VERIFICATION_TOPICS.verified, { vendorId });
      await this.refreshSearch(manager, vendorId);
      return this.detail(manager, verified);
    });
  }

  /** Search documents show the vendor: each published offering is re-sent, in this transaction. */
  private async refreshSearch(manager: EntityManager, vendorId: string): Promise<void> {
    for (const offeringId of await this.offerings.publishedIdsOfVendor(manager, vendorId)) {
      await this.outbox.enqueue(manager, OFFERING_CHANGED, { offeringId });
    }
  }

  private async detail(manager: EntityManager, vendor: OrganisationEntity): Promise<VendorDto> {
    const { rows } = await this.offerings.listByVendor(vendor.id, ['published'], { offset: 0, limit: MAX_OFFERINGS_ON_PAGE }, manager);
    return toVendorDto(vendor, rows.map(toOfferingSummaryDto));
  }

  /** Verified vendors are public; an unverified one is seen by its members and staff only (else 404). */
  private async visibleVendor(caller: Caller | null, vendorId: string): Promise<OrganisationEntity> {
    const vendor = await this.vendors.findVendor(vendorId);
    if (!vendor || (!vendor.verifiedAt && !canSeeUnpublished(caller, vendor.id))) throw VendorsErrors.VENDOR_NOT_FOUND();
    return vendor;
  }
}

const auditView = (v: OrganisationEntity): Record<string, unknown> => ({
  name: v.name,
  description: v.description,
  website: v.website,
  headcountBand: v.headcountBand,
  siret: v.siret,
  nafCode: v.nafCode,
  communeCode: v.communeCode,
  establishments: v.establishments,
});

function toVendorSummary(v: OrganisationEntity): VendorSummaryDto {
  const commune = findCommune(v.communeCode);
  const departement = commune ? findDepartement(commune.departementCode) : undefined;
  const region = commune ? findRegion(commune.regionCode) : undefined;
  return {
    id: v.id,
    name: v.name,
    siren: v.siren,
    commune: commune ? { code: commune.communeCode, name: commune.name } : null,
    departement: departement ? { code: departement.departementCode, name: departement.name } : null,
    region: region ? { code: region.regionCode, name: region.name } : null,
    website: v.website,
    headcountBand: v.headcountBand,
    description: v.description,
    verified: v.verifiedAt !== null,
    verifiedAt: v.verifiedAt,
    establishments: v.establishments.map(toEstablishmentView),
  };
}

function toVendorDto(v: OrganisationEntity, publishedOfferings: OfferingSummaryDto[]): VendorDto {
  return { ...toVendorSummary(v), nafCode: v.nafCode, version: v.version, publishedOfferings };
}
