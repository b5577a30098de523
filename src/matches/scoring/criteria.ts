import type { CriterionResult } from './ranking.js';
import type { SovereigntyGrade } from '../../sovereignty/sovereignty-score.js';

/** Share of the need's use cases the offering covers. */
export function useCaseCriterion(needUseCases: readonly string[], offeringUseCases: readonly string[]): CriterionResult {
  if (needUseCases.length === 0) return { score: 0, reason: "Le besoin ne précise aucun cas d'usage." };
  const offered = new Set(offeringUseCases);
  const covered = needUseCases.filter((u) => offered.has(u)).length;
  const score = Math.round((100 * covered) / needUseCases.length);
  if (covered === 0) return { score, reason: "Ne couvre aucun des cas d'usage demandés." };
  if (covered === needUseCases.length) {
    return { score, reason: needUseCases.length === 1 ? "Couvre le cas d'usage demandé." : `Couvre les ${covered} cas d'usage demandés.` };
  }
  return { score, reason: `Couvre ${covered} des ${needUseCases.length} cas d'usage demandés.` };
}

export function sovereigntyCriterion(total: number, grade: SovereigntyGrade, verified: boolean): CriterionResult {
  return { score: total, reason: `Note de souveraineté ${grade} (${total}/100), ${verified ? 'vérifiée' : 'déclarative'}.` };
}

export function textCriterion(relevance: number): CriterionResult {
  const score = Math.max(0, Math.min(100, Math.round(relevance)));
  const level = score >= 60 ? 'forte' : score >= 30 ? 'moyenne' : score > 0 ? 'faible' : 'nulle';
  return { score, reason: `Proximité de vocabulaire ${level} entre le besoin et l'offre (${score}/100).` };
}

export interface Budget {
  minEur: number | null;
  maxEur: number | null;
}

/**
 * Buyer type among the offering's targets (half the points; no target = all welcome) and the
 * need's budget inside the offering's price range (the other half; unknown on either side = half).
 */
export function fitCriterion(buyerType: string, targetBuyerTypes: readonly string[], need: Budget, offering: Budget): CriterionResult {
  const typeOk = targetBuyerTypes.length === 0 || targetBuyerTypes.includes(buyerType);
  const reasons: string[] = [typeOk ? 'Type de structure ciblé' : 'Type de structure non ciblé'];
  let budget: number;
  const needKnown = need.minEur !== null || need.maxEur !== null;
  const offerKnown = offering.minEur !== null || offering.maxEur !== null;
  if (!needKnown || !offerKnown) {
    budget = 25;
    reasons.push('budget non comparable');
  } else {
    const needLow = need.minEur ?? 0;
    const needHigh = need.maxEur ?? Number.POSITIVE_INFINITY;
    const offerLow = offering.minEur ?? 0;
    const offerHigh = offering.maxEur ?? Number.POSITIVE_INFINITY;
    const inside = needLow >= offerLow && needHigh <= offerHigh;
    const overlap = needLow <= offerHigh && offerLow <= needHigh;
    budget = inside ? 50 : overlap ? 35 : 0;
    reasons.push(inside ? 'budget dans la fourchette de prix' : overlap ? 'budget en partie dans la fourchette' : 'budget hors fourchette');
  }
  const text = reasons.join(', ');
  return { score: (typeOk ? 50 : 0) + budget, reason: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` };
}
