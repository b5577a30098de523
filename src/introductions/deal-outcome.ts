/*
 * What a closed introduction records about the deal (issue 24, decision 026): the value of a won
 * one, by band or exact amount, and why a lost one was lost. Plain data and functions: the service
 * and the statistics read them; no Nest, no TypeORM.
 */

/** Deal value bands, in euros excluding VAT: [min, max) with the value counted when no amount is given. */
export const DEAL_VALUE_BANDS = {
  under_5k: { min: 0, max: 5_000, counted: 2_500, label: 'Moins de 5 k€' },
  '5k_20k': { min: 5_000, max: 20_000, counted: 12_500, label: 'De 5 à 20 k€' },
  '20k_50k': { min: 20_000, max: 50_000, counted: 35_000, label: 'De 20 à 50 k€' },
  '50k_150k': { min: 50_000, max: 150_000, counted: 100_000, label: 'De 50 à 150 k€' },
  // An open band has no midpoint: it counts as 200 k€, a third above its floor (decision 026).
  over_150k: { min: 150_000, max: null, counted: 200_000, label: 'Plus de 150 k€' },
} as const satisfies Record<string, { min: number; max: number | null; counted: number; label: string }>;

export type DealValueBand = keyof typeof DEAL_VALUE_BANDS;
export const DEAL_VALUE_BAND_KEYS = Object.keys(DEAL_VALUE_BANDS) as DealValueBand[];

export const LOST_REASONS = ['price', 'competitor', 'no_budget', 'project_abandoned', 'requirements_not_met', 'timing', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

export const LOST_REASON_LABELS: Readonly<Record<LostReason, string>> = {
  price: 'Prix trop élevé',
  competitor: 'Un autre prestataire a été retenu',
  no_budget: 'Budget non obtenu',
  project_abandoned: 'Projet abandonné ou reporté sine die',
  requirements_not_met: 'Exigences (souveraineté, sécurité, fonctionnelles) non satisfaites',
  timing: 'Délais incompatibles',
  other: 'Autre raison',
};

/** The band an exact amount falls in. */
export function bandOf(amountEur: number): DealValueBand {
  return DEAL_VALUE_BAND_KEYS.find((k) => {
    const b = DEAL_VALUE_BANDS[k];
    return amountEur >= b.min && (b.max === null || amountEur < b.max);
  })!;
}

/** The value a won deal counts for in the figures: its exact amount when given, else its band's counted value. */
export function dealValueEur(band: DealValueBand | null, amountEur: number | null): number | null {
  if (amountEur !== null) return amountEur;
  return band === null ? null : DEAL_VALUE_BANDS[band].counted;
}

export interface OutcomeInput {
  outcome: 'won' | 'lost';
  valueBand?: DealValueBand;
  amountEur?: number;
  startDate?: string;
  public?: boolean;
  lostReason?: LostReason;
  lostComment?: string;
}

export interface FieldProblem {
  field: string;
  messages: string[];
}

/**
 * The rules one field's validator cannot see. The vendor and the buyer know the deal, so they give
 * its value and start (won) or its reason (lost); a curator recording what they heard may leave them
 * out. Fields of the other outcome are refused rather than silently dropped.
 */
export function outcomeProblems(input: OutcomeInput, byParty: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const refuse = (field: keyof OutcomeInput, outcome: string) => {
    if (input[field] !== undefined) problems.push({ field, messages: [`${field} only goes with outcome ${outcome}`] });
  };
  if (input.outcome === 'won') {
    (['lostReason', 'lostComment'] as const).forEach((f) => refuse(f, 'lost'));
    if (byParty && input.valueBand === undefined && input.amountEur === undefined)
      problems.push({ field: 'valueBand', messages: ['give the deal value: a valueBand or an exact amountEur'] });
    if (byParty && input.startDate === undefined)
      problems.push({ field: 'startDate', messages: ['give the date the work starts (YYYY-MM-DD)'] });
    if (input.valueBand !== undefined && input.amountEur !== undefined && bandOf(input.amountEur) !== input.valueBand)
      problems.push({ field: 'amountEur', messages: [`amountEur ${input.amountEur} is not in band ${input.valueBand}`] });
  } else {
    (['valueBand', 'amountEur', 'startDate', 'public'] as const).forEach((f) => refuse(f, 'won'));
    if (byParty && input.lostReason === undefined) problems.push({ field: 'lostReason', messages: ['give the reason the deal was lost'] });
    if (input.lostReason === 'other' && input.lostComment === undefined)
      problems.push({ field: 'lostComment', messages: ['say in a few words why, when the reason is other'] });
  }
  return problems;
}
