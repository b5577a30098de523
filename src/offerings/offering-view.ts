import { BLOCK_LABELS, BLOCK_MAX, type BlockKey } from '../sovereignty/sovereignty-score.js';
import { gradeHints } from '../sovereignty/grade-hints.js';
import {
  CLAIM_KEYS,
  CLAIMS,
  claimValue,
  effectiveProfile,
  gradeProfile,
  isClaimKey,
  type ClaimKey,
  type ClaimStatus,
  type GradedProfile,
} from '../sovereignty/sovereignty-claims.js';
import type { ClaimViewDto, OfferingDto, OfferingSummaryDto, OfferingVendorDto } from './dto/offering.dto.js';
import { allowedActions } from './offering-rules.js';
import type { OfferingClaimEntity, OfferingEntity } from './offering.entity.js';
import { sovereigntyColumns, type SovereigntyProfile } from './sovereignty-profile.js';

export function claimStatuses(claims: readonly OfferingClaimEntity[]): Partial<Record<ClaimKey, ClaimStatus>> {
  const statuses: Partial<Record<ClaimKey, ClaimStatus>> = {};
  for (const c of claims) if (isClaimKey(c.claim)) statuses[c.claim] = c.status;
  return statuses;
}

/**
 * Keeps the stored score, grade, label flag and filter columns in step with the profile and the
 * curators' decisions. Called on every write that touches either.
 */
export function applySovereignty(offering: OfferingEntity, claims: readonly OfferingClaimEntity[]): GradedProfile | null {
  const profile = offering.sovereignty;
  if (!profile) {
    Object.assign(offering, {
      sovereigntyScore: null,
      sovereigntyGrade: null,
      gradeVerified: false,
      ...nullColumns,
    });
    return null;
  }
  const statuses = claimStatuses(claims);
  const graded = gradeProfile(profile, statuses);
  Object.assign(offering, sovereigntyColumns(effectiveProfile(profile, statuses)), {
    sovereigntyScore: graded.total,
    sovereigntyGrade: graded.grade,
    gradeVerified: graded.verified,
  });
  return graded;
}

const nullColumns = {
  dataResidency: null,
  providerJurisdiction: null,
  hqJurisdiction: null,
  nonEuRemoteAccess: null,
  secNumCloud: null,
  hds: null,
  iso27001: null,
  modelOrigin: null,
  modelLicence: null,
  inferenceHosting: null,
  trainingOnCustomerData: null,
  dpaArt28: null,
  nonEuTransfers: null,
  extraterritorialExposure: null,
  nonEuControl: null,
  deploymentModes: [],
  aiActRiskClass: null,
  dataExportOpenFormat: null,
};

function claimViews(profile: SovereigntyProfile, claims: readonly OfferingClaimEntity[], graded: GradedProfile): ClaimViewDto[] {
  const rows = new Map(claims.map((c) => [c.claim, c]));
  const counted = new Set(graded.countedClaims);
  return CLAIM_KEYS.map((key) => {
    const row = rows.get(key);
    const hasEvidence = !!row && (row.evidenceUrl !== null || row.evidenceDocumentRef !== null || row.evidenceValidUntil !== null);
    return {
      claim: key,
      label: CLAIMS[key].label,
      value: claimValue(profile, key),
      status: row?.status ?? 'declared',
      counted: counted.has(key),
      evidence: hasEvidence ? { url: row.evidenceUrl, documentRef: row.evidenceDocumentRef, validUntil: row.evidenceValidUntil } : null,
      comment: row?.comment ?? null,
      decidedAt: row?.decidedAt ?? null,
    };
  });
}

/** The buyers' confirmations in the grade's explanation: said, never scored (issue 24, decision 033). */
export function clientConfirmations(count: number): { count: number; pointsAdded: 0; text: string } {
  const who =
    count === 0 ? 'Aucun client n’a encore confirmé l’usage' : count === 1 ? 'Confirmé par un client' : `Confirmé par ${count} clients`;
  return {
    count,
    pointsAdded: 0,
    text: `${who} trois mois après la signature ; ces confirmations ne modifient pas la note, qui ne dépend que des déclarations et de leurs vérifications.`,
  };
}

export function toOfferingDto(offering: OfferingEntity, vendor: OfferingVendorDto, claims: readonly OfferingClaimEntity[]): OfferingDto {
  const profile = offering.sovereignty;
  const statuses = claimStatuses(claims);
  const graded = profile ? gradeProfile(profile, statuses) : null;
  const hints = new Map(profile ? gradeHints(profile, statuses).map((hint) => [hint.block, hint]) : []);
  return {
    id: offering.id,
    vendor,
    status: offering.status,
    allowedActions: allowedActions(offering.status),
    title: offering.title,
    summary: offering.summary,
    description: offering.description,
    useCases: offering.useCases,
    sectors: offering.sectors,
    serviceArea: {
      national: offering.serviceNational,
      regions: offering.serviceRegions,
      departements: offering.serviceDepartements,
      remoteDelivery: offering.remoteDelivery,
    },
    pricing: { model: offering.pricingModel, minBudgetEur: offering.minBudgetEur, maxBudgetEur: offering.maxBudgetEur },
    targetBuyerTypes: offering.targetBuyerTypes,
    references: {
      count: offering.referencesCount,
      sectors: offering.referenceSectors,
      confirmedByClients: offering.clientConfirmations ?? 0,
    },
    sovereignty: profile,
    sovereigntyScore: graded && {
      total: graded.total,
      grade: graded.grade,
      label: graded.label,
      verified: graded.verified,
      blocks: (Object.keys(BLOCK_LABELS) as BlockKey[]).map((block) => ({
        block,
        label: BLOCK_LABELS[block],
        score: graded.blocks[block],
        max: BLOCK_MAX[block],
        raiseBy: hints.get(block)?.gain ?? null,
        raiseHint: hints.get(block)?.text ?? null,
      })),
      clientConfirmations: clientConfirmations(offering.clientConfirmations ?? 0),
    },
    claims: profile && graded ? claimViews(profile, claims, graded) : [],
    version: offering.version,
    publishedAt: offering.publishedAt,
    archivedAt: offering.archivedAt,
    createdAt: offering.createdAt,
    updatedAt: offering.updatedAt,
  };
}

export function toOfferingSummaryDto(o: OfferingEntity): OfferingSummaryDto {
  return {
    id: o.id,
    status: o.status,
    title: o.title,
    summary: o.summary,
    useCases: o.useCases,
    sovereigntyGrade: o.sovereigntyGrade,
    sovereigntyScore: o.sovereigntyScore,
    gradeVerified: o.gradeVerified,
    version: o.version,
    publishedAt: o.publishedAt,
    updatedAt: o.updatedAt,
  };
}
