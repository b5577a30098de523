import type { CriterionResult } from './ranking.js';
import type { SovereigntyGrade } from '../../sovereignty/sovereignty-score.js';

/** Use cases an offering may claim at full credit: a specialist's few (decision 020). */
export const SPECIALIST_USE_CASES = 3;
/** The least share of its coverage a catch-all keeps, so that it still ranks above an offering sharing nothing. */
export const MIN_SPECIFICITY = 20;

/** Percent of its coverage an offering claiming `claimed` use cases keeps: 100 up to 3, then 300 / claimed, at least 20. */
export function specificityPercent(claimed: number): number {
  return claimed <= SPECIALIST_USE_CASES ? 100 : Math.max(MIN_SPECIFICITY, Math.round((100 * SPECIALIST_USE_CASES) / claimed));
}

/** Whether the offering claims at least one of the need's use cases (the relevance floor's first test). */
export function sharesUseCase(needUseCases: readonly string[], offeringUseCases: readonly string[]): boolean {
  return needUseCases.some((u) => offeringUseCases.includes(u));
}

/** Text relevance under which an offering sharing no use case with the need is not a match (decisions 020, 021). */
export const TEXT_FLOOR = 50;
/** Text relevance under which even an offering sharing a use case is not a match, when the need says enough (decision 021). */
export const ON_TOPIC_TEXT_FLOOR = 20;

/**
 * The relevance floor of issue 26, set on the judged set (decision 021): an offering sharing no use
 * case with the need needs a strong text match; one sharing a use case needs its text to answer the
 * need at least a little, when the need's text says enough to tell (`needInformative`). Below it an
 * offering is never ranked among the matches nor in a vendor's leads.
 */
export function belowRelevanceFloor(
  needUseCases: readonly string[],
  offeringUseCases: readonly string[],
  textScore: number,
  needInformative: boolean,
): boolean {
  if (!sharesUseCase(needUseCases, offeringUseCases)) return textScore < TEXT_FLOOR;
  return needInformative && textScore < ON_TOPIC_TEXT_FLOOR;
}

/** The curators' "autres pistes" reason for an offering under the floor. */
export const belowFloorReason = (sharesAUseCase: boolean, textScore: number): string =>
  sharesAUseCase
    ? `Partage un cas d'usage, mais son texte répond peu au besoin (pertinence ${textScore}/100, seuil ${ON_TOPIC_TEXT_FLOOR}).`
    : `Aucun cas d'usage en commun avec le besoin et pertinence du texte insuffisante (${textScore}/100, seuil ${TEXT_FLOOR}).`;

/**
 * Share of the need's use cases the offering covers, times its specificity: breadth must not pay,
 * so the credit shrinks with the number of use cases the offering claims (issue 26, decision 020).
 */
export function useCaseCriterion(needUseCases: readonly string[], offeringUseCases: readonly string[]): CriterionResult {
  if (needUseCases.length === 0) return { score: 0, reason: "Le besoin ne précise aucun cas d'usage." };
  const offered = new Set(offeringUseCases);
  const covered = needUseCases.filter((u) => offered.has(u)).length;
  const coverage = Math.round((100 * covered) / needUseCases.length);
  const specificity = specificityPercent(offeringUseCases.length);
  const score = Math.round((coverage * specificity) / 100);
  if (covered === 0) return { score, reason: "Ne couvre aucun des cas d'usage demandés." };
  const base =
    covered === needUseCases.length
      ? needUseCases.length === 1
        ? "Couvre le cas d'usage demandé"
        : `Couvre les ${covered} cas d'usage demandés`
      : `Couvre ${covered} des ${needUseCases.length} cas d'usage demandés`;
  if (specificity === 100) return { score, reason: `${base}.` };
  return { score, reason: `${base}, mais l'offre revendique ${offeringUseCases.length} cas d'usage : crédit réduit à ${specificity} %.` };
}

export function sovereigntyCriterion(total: number, grade: SovereigntyGrade, verified: boolean): CriterionResult {
  return { score: total, reason: `Note de souveraineté ${grade} (${total}/100), ${verified ? 'vérifiée' : 'déclarative'}.` };
}

export function textCriterion(relevance: number): CriterionResult {
  const score = Math.max(0, Math.min(100, Math.round(relevance)));
  const level = score >= 60 ? 'forte' : score >= 30 ? 'moyenne' : score > 0 ? 'faible' : 'nulle';
  return { score, reason: `Proximité de vocabulaire ${level} entre le besoin et l'offre (${score}/100).` };
}

const euros = (x: number): string => `${x.toLocaleString('fr-FR')} €`;

/** An offering's price range in words. */
function priceRange(b: Budget): string {
  if (b.minEur !== null && b.maxEur !== null) return `de ${euros(b.minEur)} à ${euros(b.maxEur)}`;
  return b.minEur !== null ? `à partir de ${euros(b.minEur)}` : `jusqu'à ${euros(b.maxEur ?? 0)}`;
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
    reasons.push(
      inside
        ? 'budget dans la fourchette de prix'
        : overlap
          ? 'budget en partie dans la fourchette'
          : `fourchette de prix hors du budget (${priceRange(offering)}) : offre moins bien classée, le budget n'étant pas ferme`,
    );
  }
  const text = reasons.join(', ');
  return { score: (typeOk ? 50 : 0) + budget, reason: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` };
}
