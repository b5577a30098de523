import type { OfferingStatus, PricingModel } from '../../offerings/offering.entity.js';

export const OFFERING_STATUS_LABELS: Readonly<Record<OfferingStatus, string>> = {
  draft: 'Brouillon',
  published: 'Publiée',
  archived: 'Archivée',
};

export const PRICING_MODEL_LABELS: Readonly<Record<PricingModel, string>> = {
  subscription: 'Abonnement',
  licence: 'Licence',
  project: 'Au projet (forfait)',
  per_use: "À l'usage",
  free_trial: 'Essai gratuit',
};

/** A claim of a sovereignty profile as the curators left it, in words the public reads. */
export const CLAIM_STATUS_LABELS: Readonly<Record<'declared' | 'verified' | 'rejected', string>> = {
  declared: 'déclaré, non vérifié',
  verified: 'vérifié par l’équipe',
  rejected: 'rejeté par l’équipe',
};
