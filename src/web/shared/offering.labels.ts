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
