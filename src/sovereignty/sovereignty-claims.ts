import { scoreSovereignty, type ScoredProfile, type SovereigntyScore } from './sovereignty-score.js';

/**
 * A claim is one declared field of the profile that the score reads (e.g.
 * `certifications.secNumCloud`). Curators verify or reject claims; a rejected claim is scored as
 * its worst value, and the grade is "vérifié" only when every claim that earns points is verified.
 */
export const CLAIMS = {
  'vendor.hqJurisdiction': { worst: 'UNKNOWN', label: 'Siège statutaire' },
  'vendor.nonEuControl': { worst: 'MAJORITY', label: 'Contrôle du capital hors UE' },
  'vendor.extraterritorialExposure': { worst: 'YES', label: 'Exposition à un droit extraterritorial' },
  'hosting.dataResidency': { worst: 'UNKNOWN', label: 'Localisation des données' },
  'hosting.providerJurisdiction': { worst: 'UNKNOWN', label: "Juridiction de l'hébergeur" },
  'hosting.nonEuRemoteAccess': { worst: true, label: 'Accès à distance depuis hors UE' },
  'certifications.secNumCloud': { worst: 'NONE', label: 'Qualification SecNumCloud' },
  'certifications.iso27001': { worst: false, label: 'Certification ISO 27001' },
  'certifications.hds': { worst: false, label: 'Certification HDS' },
  'ai.modelOrigin': { worst: 'CN', label: 'Origine du modèle' },
  'ai.modelLicence': { worst: 'PROPRIETARY', label: 'Licence du modèle' },
  'ai.inferenceHosting': { worst: 'THIRD_PARTY_API_NON_EU', label: "Hébergement de l'inférence" },
  'ai.trainingOnCustomerData': { worst: 'YES', label: 'Entraînement sur les données client' },
  'gdpr.dpaArt28': { worst: false, label: 'Contrat de sous-traitance (RGPD art. 28)' },
  'gdpr.subprocessorsPublic': { worst: false, label: 'Liste publique des sous-traitants' },
  'gdpr.nonEuTransfers': { worst: 'UNKNOWN', label: 'Transferts hors UE' },
} as const satisfies Record<string, { worst: string | boolean; label: string }>;

export type ClaimKey = keyof typeof CLAIMS;
export type ClaimStatus = 'declared' | 'verified' | 'rejected';
export const CLAIM_KEYS = Object.keys(CLAIMS) as ClaimKey[];

export function isClaimKey(value: string): value is ClaimKey {
  return Object.prototype.hasOwnProperty.call(CLAIMS, value);
}

export function claimValue(profile: ScoredProfile, key: ClaimKey): string | boolean {
  const [section, field] = key.split('.') as [keyof ScoredProfile, string];
  return (profile[section] as Record<string, string | boolean>)[field];
}

function withClaim(profile: ScoredProfile, key: ClaimKey, value: string | boolean): ScoredProfile {
  const [section, field] = key.split('.') as [keyof ScoredProfile, string];
  return { ...profile, [section]: { ...profile[section], [field]: value } };
}

/** The profile as the platform trusts it: every rejected claim replaced by its worst value. */
export function effectiveProfile<P extends ScoredProfile>(profile: P, statuses: Partial<Record<ClaimKey, ClaimStatus>>): P {
  let out: ScoredProfile = profile;
  for (const key of CLAIM_KEYS) {
    if (statuses[key] === 'rejected') out = withClaim(out, key, CLAIMS[key].worst);
  }
  return out as P;
}

/**
 * The claims that count: those whose declared value earns more than their worst value would.
 * Measured by scoring, so the definition can never drift from the score's rules.
 */
export function countedClaims(profile: ScoredProfile): ClaimKey[] {
  const total = scoreSovereignty(profile).total;
  return CLAIM_KEYS.filter((key) => {
    if (claimValue(profile, key) === CLAIMS[key].worst) return false;
    return scoreSovereignty(withClaim(profile, key, CLAIMS[key].worst)).total < total;
  });
}

export interface GradedProfile extends SovereigntyScore {
  /** True only when every counted claim has been verified by a curator. */
  verified: boolean;
  label: 'vérifié' | 'déclaratif';
  countedClaims: ClaimKey[];
}

/** Score, grade and label of a declared profile given the curators' decisions on its claims. */
export function gradeProfile(profile: ScoredProfile, statuses: Partial<Record<ClaimKey, ClaimStatus>>): GradedProfile {
  const effective = effectiveProfile(profile, statuses);
  const score = scoreSovereignty(effective);
  const counted = countedClaims(effective);
  const verified = counted.length > 0 && counted.every((key) => statuses[key] === 'verified');
  return { ...score, verified, label: verified ? 'vérifié' : 'déclaratif', countedClaims: counted };
}
