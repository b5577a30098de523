import { findCommune, findDepartement } from '../reference/geo/geography.js';
import type { CriterionDto, MatchGradeDto, MatchedOfferingDto, PublicVendorDto } from './dto/match.dto.js';
import type { CandidateRow, RetrievalNeed, ScoringRow } from './repositories/offering-rows.js';
import { fitCriterion, sovereigntyCriterion, useCaseCriterion } from './scoring/criteria.js';
import type { EligibilityNeed, EligibilityOffering } from './scoring/eligibility.js';
import { profileFromColumns } from '../sovereignty/flat-profile.js';
import { isHardRequirement } from '../sovereignty/hard-requirements.js';
import { proximityCriterion, sectorCriterion, type ProximityResult } from './scoring/place-criteria.js';
import type { CriterionResult, ExplainedCriterion } from './scoring/ranking.js';
import type { SovereigntyGrade } from '../sovereignty/sovereignty-score.js';
import { reachArea, type ReachArea } from './scoring/reach.js';
import { CRITERION_LABELS, type Criterion } from './scoring/weights.js';

/** The need fields matching reads, whatever table or test they come from. */
export interface MatchingNeed {
  title: string;
  description: string | null;
  useCases: readonly string[];
  sector: string | null;
  communeCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  acceptsRemote: boolean;
  requirements: readonly string[];
  minSovereigntyGrade: SovereigntyGrade | null;
  minBudgetEur: number | null;
  maxBudgetEur: number | null;
  /** A firm budget is an eligibility rule; otherwise a price range outside it only lowers the fit. */
  budgetFirm: boolean;
  /** local, regional or national (null = national): the vendor must be of the area (issue 26). */
  reach: string | null;
  buyerType: string | null;
}

/** The départements the need's reach allows a vendor to be of, or null when any will do. */
export const needReachArea = (need: MatchingNeed): ReachArea | null => reachArea(need.reach, need.departementCode, need.regionCode);

export function retrievalNeed(need: MatchingNeed): RetrievalNeed {
  return {
    useCases: need.useCases,
    departementCode: need.departementCode,
    regionCode: need.regionCode,
    acceptsRemote: need.acceptsRemote,
    requirements: need.requirements.filter(isHardRequirement),
    minGrade: need.minSovereigntyGrade,
    budgetMinEur: need.minBudgetEur,
    budgetMaxEur: need.maxBudgetEur,
    budgetFirm: need.budgetFirm,
    reachDepartements: needReachArea(need)?.departements ?? null,
  };
}

export function eligibilityNeed(need: MatchingNeed): EligibilityNeed {
  return {
    departementCode: need.departementCode ?? '',
    regionCode: need.regionCode ?? '',
    acceptsRemote: need.acceptsRemote,
    requirements: need.requirements.filter(isHardRequirement),
    minGrade: need.minSovereigntyGrade,
    budgetMinEur: need.minBudgetEur,
    budgetMaxEur: need.maxBudgetEur,
    budgetFirm: need.budgetFirm,
  };
}

/** The vendor's sites that count, head office first: its commune and its confirmed establishments' (decision 022). */
export const vendorSites = (row: Pick<ScoringRow, 'vendorCommuneCode' | 'vendorEstablishmentCommunes'>): string[] => [
  row.vendorCommuneCode,
  ...row.vendorEstablishmentCommunes,
];

export function serviceAreaOf(row: ScoringRow): EligibilityOffering['serviceArea'] {
  return {
    national: row.serviceNational,
    regions: row.serviceRegions,
    departements: row.serviceDepartements,
    remoteDelivery: row.remoteDelivery,
  };
}

export function eligibilityOffering(row: CandidateRow): EligibilityOffering {
  return {
    published: row.status === 'published',
    vendorVerified: row.vendorVerified,
    profile: profileFromColumns(row),
    grade: row.sovereigntyGrade ?? 'E',
    serviceArea: serviceAreaOf(row),
    minBudgetEur: row.minBudgetEur,
    maxBudgetEur: row.maxBudgetEur,
  };
}

export const needText = (need: Pick<MatchingNeed, 'title' | 'description'>): string => [need.title, need.description ?? ''].join('. ');

/** Every criterion but text, which the search index answers separately. */
export function criteriaWithoutText(
  need: MatchingNeed,
  row: ScoringRow,
): Omit<Record<Criterion, CriterionResult>, 'text'> & { proximity: ProximityResult } {
  return {
    useCase: useCaseCriterion(need.useCases, row.useCases),
    sector: sectorCriterion(need.sector, row.sectors),
    proximity: proximityCriterion(
      need.communeCode,
      { headOffice: row.vendorCommuneCode, confirmedEstablishments: row.vendorEstablishmentCommunes },
      serviceAreaOf(row),
    ),
    sovereignty: sovereigntyCriterion(row.sovereigntyScore ?? 0, row.sovereigntyGrade ?? 'E', row.gradeVerified),
    fit: fitCriterion(
      need.buyerType ?? '',
      row.targetBuyerTypes,
      { minEur: need.minBudgetEur, maxEur: need.maxBudgetEur },
      { minEur: row.minBudgetEur, maxEur: row.maxBudgetEur },
    ),
  };
}

export function criterionDtos(criteria: readonly ExplainedCriterion[]): CriterionDto[] {
  return criteria.map((c) => ({
    criterion: c.criterion,
    label: CRITERION_LABELS[c.criterion],
    score: c.score,
    weight: c.weight,
    contribution: c.contribution,
    reason: c.reason,
  }));
}

export function gradeDto(row: CandidateRow): MatchGradeDto {
  return {
    grade: row.sovereigntyGrade ?? 'E',
    score: row.sovereigntyScore ?? 0,
    verified: row.gradeVerified,
    label: row.gradeVerified ? 'vérifié' : 'déclaratif',
  };
}

export function offeringSummary(row: CandidateRow): MatchedOfferingDto {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    useCases: row.useCases,
    sectors: row.sectors,
    minBudgetEur: row.minBudgetEur,
    maxBudgetEur: row.maxBudgetEur,
  };
}

export function publicVendor(row: CandidateRow): PublicVendorDto {
  const commune = findCommune(row.vendorCommuneCode);
  const departement = commune ? findDepartement(commune.departementCode) : undefined;
  return {
    id: row.vendorId,
    name: row.vendorName,
    communeCode: row.vendorCommuneCode,
    communeName: commune?.name ?? null,
    departementCode: commune?.departementCode ?? null,
    departementName: departement?.name ?? null,
    verified: row.vendorVerified,
  };
}
