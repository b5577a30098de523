import { exclusions, type Exclusion } from '../matches/scoring/eligibility.js';
import { isHardRequirement } from '../matches/scoring/hard-requirements.js';
import { effectiveProfile, type ClaimKey, type ClaimStatus } from '../matches/scoring/sovereignty-claims.js';
import type { SovereigntyGrade } from '../reference/sovereignty/sovereignty.enums.js';
import type { NeedEntity } from '../needs/need.entity.js';
import type { OfferingEntity } from '../offerings/offering.entity.js';

export interface ProposalExclusion {
  rule: string;
  reason: string;
}

/**
 * Why a curator may not introduce this offering to this need, as DESIGN §5.1 states the rules;
 * empty = eligible. The matching service will own this check; until it lands, this small
 * function reuses the pure core on the offering's effective profile (rejected claims at their
 * worst) and its stored effective grade.
 */
export function proposalExclusions(
  need: NeedEntity,
  offering: OfferingEntity,
  vendorVerified: boolean,
  claimStatuses: Partial<Record<ClaimKey, ClaimStatus>>,
): ProposalExclusion[] {
  if (!offering.sovereignty || !offering.sovereigntyGrade) {
    return [{ rule: 'NO_SOVEREIGNTY_PROFILE', reason: "L'offre n'a pas de profil de souveraineté." }];
  }
  if (!need.departementCode || !need.regionCode) {
    return [{ rule: 'NEED_WITHOUT_PLACE', reason: "Le besoin n'a pas de commune." }];
  }
  const found: Exclusion[] = exclusions(
    {
      departementCode: need.departementCode,
      regionCode: need.regionCode,
      acceptsRemote: need.acceptsRemote,
      requirements: need.requirements.filter(isHardRequirement),
      minGrade: need.minSovereigntyGrade as SovereigntyGrade | null,
      budgetMinEur: need.minBudgetEur,
      budgetMaxEur: need.maxBudgetEur,
    },
    {
      published: offering.status === 'published',
      vendorVerified,
      profile: effectiveProfile(offering.sovereignty, claimStatuses),
      grade: offering.sovereigntyGrade,
      serviceArea: {
        national: offering.serviceNational,
        regions: offering.serviceRegions,
        departements: offering.serviceDepartements,
        remoteDelivery: offering.remoteDelivery,
      },
      minBudgetEur: offering.minBudgetEur,
      maxBudgetEur: offering.maxBudgetEur,
    },
  );
  return found.map((e) => ({ rule: e.rule, reason: e.reason }));
}
