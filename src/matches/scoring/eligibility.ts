import { failedRequirements, type HardRequirement, type RequirementProfile } from '../../sovereignty/hard-requirements.js';
import { gradeAtLeast, type SovereigntyGrade } from '../../sovereignty/sovereignty-score.js';

export interface EligibilityNeed {
  departementCode: string;
  regionCode: string;
  /** Whether a vendor delivering remotely is acceptable. */
  acceptsRemote: boolean;
  requirements: readonly HardRequirement[];
  minGrade: SovereigntyGrade | null;
  budgetMinEur: number | null;
  budgetMaxEur: number | null;
  /** Only a firm budget is a rule; otherwise the fit criterion scores it (issue 26). */
  budgetFirm: boolean;
}

export interface EligibilityOffering {
  published: boolean;
  vendorVerified: boolean;
  /** The effective profile: rejected claims already at their worst value. */
  profile: RequirementProfile;
  grade: SovereigntyGrade;
  serviceArea: { national: boolean; regions: readonly string[]; departements: readonly string[]; remoteDelivery: boolean };
  minBudgetEur: number | null;
  maxBudgetEur: number | null;
}

export type ExclusionRule = 'NOT_PUBLISHED' | 'VENDOR_NOT_VERIFIED' | 'MIN_GRADE' | 'SERVICE_AREA' | 'BUDGET' | HardRequirement;

export interface Exclusion {
  rule: ExclusionRule;
  reason: string;
}

/** How the offering's declared service area reaches the need, or null when it does not. */
export function serviceAreaReach(
  need: EligibilityNeed,
  area: EligibilityOffering['serviceArea'],
): 'national' | 'region' | 'departement' | 'remote' | null {
  if (area.national) return 'national';
  if (area.departements.includes(need.departementCode)) return 'departement';
  if (area.regions.includes(need.regionCode)) return 'region';
  if (area.remoteDelivery && need.acceptsRemote) return 'remote';
  return null;
}

/** Every rule of DESIGN §5.1 the offering breaks for this need; empty = eligible. */
export function exclusions(need: EligibilityNeed, offering: EligibilityOffering): Exclusion[] {
  const out: Exclusion[] = [];
  if (!offering.published) out.push({ rule: 'NOT_PUBLISHED', reason: "L'offre n'est pas publiée." });
  if (!offering.vendorVerified) out.push({ rule: 'VENDOR_NOT_VERIFIED', reason: "Le fournisseur n'a pas encore été vérifié." });
  for (const f of failedRequirements(offering.profile, need.requirements)) out.push({ rule: f.requirement, reason: f.reason });
  if (need.minGrade && !gradeAtLeast(offering.grade, need.minGrade)) {
    out.push({ rule: 'MIN_GRADE', reason: `Note de souveraineté ${offering.grade}, inférieure au minimum ${need.minGrade} demandé.` });
  }
  if (serviceAreaReach(need, offering.serviceArea) === null) {
    out.push({
      rule: 'SERVICE_AREA',
      reason: offering.serviceArea.remoteDelivery
        ? "L'offre n'intervient qu'à distance dans ce département, et le besoin demande une présence."
        : "La zone d'intervention de l'offre ne couvre pas le département du besoin.",
    });
  }
  const needLow = need.budgetMinEur ?? 0;
  const needHigh = need.budgetMaxEur;
  const offerLow = offering.minBudgetEur;
  const offerHigh = offering.maxBudgetEur;
  // Only a firm budget, and only when both sides give a range: the need's ceiling below the offering's floor, or the reverse.
  if (
    need.budgetFirm &&
    ((needHigh !== null && offerLow !== null && needHigh < offerLow) ||
      (offerHigh !== null && need.budgetMinEur !== null && needLow > offerHigh))
  ) {
    out.push({ rule: 'BUDGET', reason: "Le budget ferme du besoin et la fourchette de prix de l'offre ne se recouvrent pas." });
  }
  return out;
}
