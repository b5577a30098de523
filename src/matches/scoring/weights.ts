/** The criteria of DESIGN §5 and their default weights; every result carries the version and weights used. */
export const CRITERIA = ['useCase', 'proximity', 'sovereignty', 'sector', 'text', 'fit'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type Weights = Record<Criterion, number>;

export const SCORING_VERSION = '2026-12.2';

export const DEFAULT_WEIGHTS: Readonly<Weights> = { useCase: 25, proximity: 15, sovereignty: 15, sector: 10, text: 30, fit: 5 };

export const CRITERION_LABELS: Readonly<Record<Criterion, string>> = {
  useCase: "Cas d'usage",
  proximity: 'Proximité',
  sovereignty: 'Souveraineté',
  sector: "Secteur d'activité",
  text: 'Pertinence du texte',
  fit: 'Adéquation (type de structure, budget)',
};

/** Problems with a set of weights, empty when valid: integers 0–100, at least one positive. */
export function weightProblems(weights: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(weights)) {
    if (!(CRITERIA as readonly string[]).includes(key)) problems.push(`${key}: unknown criterion`);
  }
  for (const key of CRITERIA) {
    const w = weights[key];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 100) problems.push(`${key}: must be an integer from 0 to 100`);
  }
  if (problems.length === 0 && CRITERIA.every((k) => weights[k] === 0)) problems.push('at least one weight must be positive');
  return problems;
}
