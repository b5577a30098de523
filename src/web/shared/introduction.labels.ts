import type { IntroductionOutcome, IntroductionStatus } from '../../introductions/introduction-lifecycle.js';

export const INTRODUCTION_STATUS_LABELS: Readonly<Record<IntroductionStatus, string>> = {
  proposed: 'Proposée',
  vendor_accepted: 'Acceptée par le fournisseur',
  buyer_accepted: "Acceptée par l'acheteur",
  connected: 'En relation',
  vendor_declined: 'Déclinée par le fournisseur',
  buyer_declined: "Déclinée par l'acheteur",
  meeting_held: 'Rendez-vous tenu',
  won: 'Contrat signé',
  lost: 'Sans suite',
  cancelled: 'Annulée',
};

export const INTRODUCTION_OUTCOME_LABELS: Readonly<Record<IntroductionOutcome, string>> = {
  won: 'Contrat signé',
  lost: 'Sans suite',
};
