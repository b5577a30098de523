import type { JudgmentReason, Verdict } from './judgment-vocabulary.js';

/** Curators' words for a verdict and its reasons: read by the console and written into exports. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  relevant: 'Pertinent',
  not_relevant: 'Pas pertinent',
};

export const JUDGMENT_REASON_LABELS: Readonly<Record<JudgmentReason, string>> = {
  exact_fit: 'Répond exactement au besoin',
  partial_fit: 'Bonne piste, avec un écart',
  off_topic: 'Hors sujet',
  too_generic: 'Trop générique',
  out_of_reach: 'Hors du périmètre demandé',
  requirement_unmet: 'Ne respecte pas une exigence',
  other: 'Autre raison',
};
