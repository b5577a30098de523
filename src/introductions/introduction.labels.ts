import type { DeclineReason } from './introduction-lifecycle.js';

/** Why a side declined, in French: read in the e-mails, the parties' pages and the curators' tables. */
export const DECLINE_REASON_LABELS: Readonly<Record<DeclineReason, string>> = {
  not_relevant: 'Ne correspond pas à notre besoin ou à notre offre',
  no_capacity: "Pas de disponibilité pour l'instant",
  budget: 'Budget inadapté',
  timing: 'Calendrier inadapté',
  already_equipped: 'Déjà équipé d’une solution',
  other: 'Autre raison',
};
