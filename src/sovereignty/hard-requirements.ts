import type { ScoredProfile } from './sovereignty-score.js';

/** The profile fields hard requirements read, beyond those the score reads (REFERENCE §4.3). */
export interface RequirementProfile extends ScoredProfile {
  hosting: ScoredProfile['hosting'] & { deploymentModes: readonly string[] };
  ai: ScoredProfile['ai'] & { aiActRiskClass: string };
  reversibility: { dataExportOpenFormat: boolean };
}

export const HARD_REQUIREMENTS = [
  'SECNUMCLOUD_OFFERING',
  'SECNUMCLOUD_INFRA_OR_BETTER',
  'HDS_CERTIFIED',
  'DATA_IN_FRANCE',
  'DATA_IN_EU',
  'NO_NON_EU_REMOTE_ACCESS',
  'NO_EXTRATERRITORIAL_EXPOSURE',
  'ON_PREMISE_OR_PRIVATE',
  'NO_TRAINING_ON_CUSTOMER_DATA',
  'GDPR_DPA',
  'NO_NON_EU_TRANSFERS',
  'EU_MODEL',
  'OPEN_SOURCE_MODEL',
  'SELF_HOSTABLE_MODEL',
  'ISO27001',
  'AI_ACT_NOT_HIGH_RISK',
  'DATA_EXPORT_OPEN_FORMAT',
] as const;

export type HardRequirement = (typeof HARD_REQUIREMENTS)[number];

const EU = new Set(['FR', 'EU_EEA']);

/** Each requirement: the test on the profile, and the French reason shown when it fails. */
const RULES: Record<HardRequirement, { test: (p: RequirementProfile) => boolean; failure: string }> = {
  SECNUMCLOUD_OFFERING: {
    test: (p) => p.certifications.secNumCloud === 'OFFERING',
    failure: "L'offre n'est pas qualifiée SecNumCloud.",
  },
  SECNUMCLOUD_INFRA_OR_BETTER: {
    test: (p) => p.certifications.secNumCloud === 'OFFERING' || p.certifications.secNumCloud === 'INFRASTRUCTURE_ONLY',
    failure: "Ni l'offre ni son infrastructure ne sont qualifiées SecNumCloud.",
  },
  HDS_CERTIFIED: { test: (p) => p.certifications.hds, failure: "L'hébergement n'est pas certifié HDS." },
  DATA_IN_FRANCE: {
    test: (p) => p.hosting.dataResidency === 'FR' || p.hosting.dataResidency === 'CUSTOMER_PREMISES',
    failure: 'Les données ne sont pas stockées et traitées en France.',
  },
  DATA_IN_EU: {
    test: (p) => ['FR', 'EU_EEA', 'CUSTOMER_PREMISES'].includes(p.hosting.dataResidency),
    failure: "Les données ne sont pas stockées et traitées dans l'UE/EEE.",
  },
  NO_NON_EU_REMOTE_ACCESS: {
    test: (p) => !p.hosting.nonEuRemoteAccess,
    failure: "Un accès à distance depuis l'extérieur de l'UE est possible.",
  },
  NO_EXTRATERRITORIAL_EXPOSURE: {
    test: (p) =>
      p.vendor.extraterritorialExposure === 'NO' &&
      p.vendor.nonEuControl === 'NONE' &&
      EU.has(p.vendor.hqJurisdiction) &&
      (EU.has(p.hosting.providerJurisdiction) || p.hosting.dataResidency === 'CUSTOMER_PREMISES') &&
      p.ai.inferenceHosting !== 'THIRD_PARTY_API_NON_EU',
    failure: "Le fournisseur, son hébergeur ou l'API de modèle relèvent d'un droit extraterritorial non européen.",
  },
  ON_PREMISE_OR_PRIVATE: {
    test: (p) => p.hosting.deploymentModes.some((m) => m === 'ON_PREMISE' || m === 'PRIVATE_CLOUD'),
    failure: "L'offre n'est proposée ni sur site ni en cloud privé.",
  },
  NO_TRAINING_ON_CUSTOMER_DATA: {
    test: (p) => p.ai.trainingOnCustomerData === 'NEVER',
    failure: 'Les données du client peuvent servir à entraîner des modèles.',
  },
  GDPR_DPA: { test: (p) => p.gdpr.dpaArt28, failure: 'Pas de contrat de sous-traitance RGPD (art. 28).' },
  NO_NON_EU_TRANSFERS: {
    test: (p) => p.gdpr.nonEuTransfers === 'NONE',
    failure: "Des données peuvent être transférées hors de l'UE.",
  },
  EU_MODEL: {
    test: (p) => ['FR', 'EU_EEA', 'IN_HOUSE_EU', 'NONE'].includes(p.ai.modelOrigin),
    failure: "Le modèle d'IA n'est pas d'origine européenne.",
  },
  OPEN_SOURCE_MODEL: {
    test: (p) => p.ai.modelLicence === 'OSI_OPEN_SOURCE',
    failure: "Le modèle n'est pas sous licence open source (OSI).",
  },
  SELF_HOSTABLE_MODEL: {
    test: (p) => p.ai.inferenceHosting === 'CUSTOMER_HOSTED',
    failure: 'Le modèle ne peut pas être hébergé chez le client.',
  },
  ISO27001: { test: (p) => p.certifications.iso27001, failure: 'Pas de certification ISO 27001.' },
  AI_ACT_NOT_HIGH_RISK: {
    test: (p) => p.ai.aiActRiskClass !== 'HIGH' && p.ai.aiActRiskClass !== 'PROHIBITED',
    failure: "L'usage est classé à haut risque (ou interdit) au sens de l'AI Act.",
  },
  DATA_EXPORT_OPEN_FORMAT: {
    test: (p) => p.reversibility.dataExportOpenFormat,
    failure: "Pas d'export des données dans un format ouvert.",
  },
};

export interface RequirementFailure {
  requirement: HardRequirement;
  reason: string;
}

/** The requirements the profile fails, in the order the need listed them. Empty = eligible. */
export function failedRequirements(profile: RequirementProfile, required: readonly HardRequirement[]): RequirementFailure[] {
  return required.filter((r) => !RULES[r].test(profile)).map((r) => ({ requirement: r, reason: RULES[r].failure }));
}

export function isHardRequirement(value: string): value is HardRequirement {
  return (HARD_REQUIREMENTS as readonly string[]).includes(value);
}
