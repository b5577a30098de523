export { DEFAULT_LEAD_FREQUENCY, LEAD_FREQUENCIES, LEAD_FREQUENCY_LABELS, type LeadFrequency } from '../notifications/lead-frequency.js';

export const LEAD_ANSWERS = ['interested', 'not_interested'] as const;
export type LeadAnswer = (typeof LEAD_ANSWERS)[number];

/** Why a vendor passes on a lead: a short list the figures can count, "other" needing a comment. */
export const DECLINE_REASONS = ['not_our_field', 'too_small', 'too_far', 'no_capacity', 'requirements', 'timing', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DECLINE_REASON_LABELS: Readonly<Record<DeclineReason, string>> = {
  not_our_field: 'Ce n’est pas notre domaine',
  too_small: 'Budget trop faible pour nous',
  too_far: 'Trop loin de chez nous',
  no_capacity: 'Pas de disponibilité en ce moment',
  requirements: 'Nous ne remplissons pas une exigence',
  timing: 'Le calendrier ne nous convient pas',
  other: 'Autre raison (précisez)',
};

export const LEAD_ORIGINS = ['need_published', 'offering_changed'] as const;
export type LeadOrigin = (typeof LEAD_ORIGINS)[number];

export { LEADS_FOR_NEED, LEADS_FOR_OFFERING } from '../outbox/lead-topics.js';
