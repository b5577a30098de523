import { Injectable } from '@nestjs/common';
import { HARD_REQUIREMENTS, failedRequirements } from '../sovereignty/hard-requirements.js';
import { effectiveProfile } from '../sovereignty/sovereignty-claims.js';
import { referenceData } from '../reference/data/reference-data.js';
import { findNafCode } from '../reference/sectors/naf.js';
import type { OfferingDocument } from '../search/offering-document.js';
import type { OfferingDocumentSource } from '../search/offering-document.source.js';
import { expandServiceArea } from './offering-rules.js';
import { claimStatuses } from './offering-view.js';
import type { OfferingClaimEntity, OfferingEntity } from './offering.entity.js';
import { OfferingsRepository } from './offerings.repository.js';

/**
 * Builds search documents from PostgreSQL, the source of truth: only offerings published now by a
 * verified vendor. Grade, score and label come from the stored columns; the requirements met are
 * those of the effective profile (rejected claims at their worst value).
 */
@Injectable()
export class OfferingDocumentsSource implements OfferingDocumentSource {
  constructor(private readonly offerings: OfferingsRepository) {}

  async documentsFor(ids: string[]): Promise<OfferingDocument[]> {
    const unique = [...new Set(ids)];
    const rows = await this.offerings.findSearchable(unique);
    const claims = await this.offerings.claimsOfMany(rows.map((r) => r.offering.id));
    return rows.map(({ offering, vendorName }) => toDocument(offering, vendorName, claims.get(offering.id) ?? []));
  }

  publishedIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    return this.offerings.searchableIdsAfter(afterId, limit);
  }
}

let useCaseLabels: ReadonlyMap<string, string> | undefined;
const useCaseLabel = (code: string): string => {
  useCaseLabels ??= new Map(referenceData().useCases.map((u) => [u.code as string, u.label]));
  return useCaseLabels.get(code) ?? code;
};

function toDocument(o: OfferingEntity, vendorName: string, claims: OfferingClaimEntity[]): OfferingDocument {
  const area = expandServiceArea({ regions: o.serviceRegions, departements: o.serviceDepartements });
  const profile = o.sovereignty;
  const effective = profile ? effectiveProfile(profile, claimStatuses(claims)) : null;
  return {
    id: o.id,
    version: o.version,
    title: o.title,
    summary: o.summary ?? '',
    description: o.description ?? '',
    vendorId: o.vendorId,
    vendorName,
    useCases: o.useCases,
    useCaseLabels: o.useCases.map(useCaseLabel),
    sectors: o.sectors,
    sectorLabels: o.sectors.map((code) => findNafCode(code)?.label ?? code),
    national: o.serviceNational,
    regions: area.regions,
    departements: area.departements,
    remoteDelivery: o.remoteDelivery,
    grade: o.sovereigntyGrade ?? 'E',
    sovereigntyScore: o.sovereigntyScore ?? 0,
    gradeVerified: o.gradeVerified,
    dataResidency: o.dataResidency ?? 'UNKNOWN',
    requirementsMet: effective ? HARD_REQUIREMENTS.filter((r) => failedRequirements(effective, [r]).length === 0) : [],
    minBudgetEur: o.minBudgetEur,
    maxBudgetEur: o.maxBudgetEur,
    publishedAt: (o.publishedAt ?? o.updatedAt).toISOString(),
  };
}
