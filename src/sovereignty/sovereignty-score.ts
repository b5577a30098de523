import { gradeOfScore, type SovereigntyGrade } from '../reference/sovereignty/sovereignty.enums.js';

/**
 * The graded sovereignty score of REFERENCE §4.4: five capped blocks, total 0–100, grade A–E.
 * Pure: no framework, no I/O. Values it does not know score 0 on purpose (it pushes vendors to
 * declare). Rejected claims are scored as their worst value (see `effectiveProfile`).
 */

/** The fields of a SovereigntyProfile (REFERENCE §4.3) that the score reads. */
export interface ScoredProfile {
  vendor: { hqJurisdiction: string; nonEuControl: string; extraterritorialExposure: string };
  hosting: { dataResidency: string; providerJurisdiction: string; nonEuRemoteAccess: boolean };
  certifications: { secNumCloud: string; iso27001: boolean; hds: boolean };
  ai: { modelOrigin: string; modelLicence: string; inferenceHosting: string; trainingOnCustomerData: string };
  gdpr: { dpaArt28: boolean; subprocessorsPublic: boolean; nonEuTransfers: string };
}

export type { SovereigntyGrade };
export type BlockKey = 'A' | 'B' | 'C' | 'D' | 'E';

export interface SovereigntyScore {
  blocks: Record<BlockKey, number>;
  total: number;
  grade: SovereigntyGrade;
}

export const BLOCK_MAX: Readonly<Record<BlockKey, number>> = { A: 25, B: 20, C: 20, D: 20, E: 15 };

export const BLOCK_LABELS: Readonly<Record<BlockKey, string>> = {
  A: 'Juridiction et contrôle',
  B: 'Localisation des données',
  C: 'Qualifications',
  D: "Souveraineté du modèle d'IA",
  E: 'Protection des données et contrat',
};

const EU = new Set(['FR', 'EU_EEA']);

const DATA_LOCATION: Record<string, number> = { FR: 20, CUSTOMER_PREMISES: 20, EU_EEA: 17, ADEQUATE_COUNTRY: 8 };
const MODEL_ORIGIN: Record<string, number> = { FR: 8, IN_HOUSE_EU: 8, NONE: 8, EU_EEA: 7, US: 2, OTHER: 1, CN: 0 };
const MODEL_LICENCE: Record<string, number> = { OSI_OPEN_SOURCE: 6, NONE: 6, OPEN_WEIGHT_RESTRICTED: 4, PROPRIETARY: 0 };
const INFERENCE_HOSTING: Record<string, number> = {
  CUSTOMER_HOSTED: 6,
  VENDOR_HOSTED_EU: 5,
  THIRD_PARTY_API_EU: 3,
  THIRD_PARTY_API_NON_EU: 0,
};
const TRAINING: Record<string, number> = { NEVER: 5, OPT_IN: 3, OPT_OUT: 1, YES: 0 };
const TRANSFERS: Record<string, number> = { NONE: 4, ADEQUACY: 2, SCC: 1, UNKNOWN: 0 };

const points = (table: Record<string, number>, value: string): number => table[value] ?? 0;
const cap = (block: BlockKey, value: number): number => Math.max(0, Math.min(BLOCK_MAX[block], value));

function jurisdictionAndControl(p: ScoredProfile): number {
  if (!EU.has(p.vendor.hqJurisdiction)) return 0;
  let score: number;
  if (p.vendor.nonEuControl === 'NONE') {
    const hostInEu = EU.has(p.hosting.providerJurisdiction) || p.hosting.dataResidency === 'CUSTOMER_PREMISES';
    score = hostInEu ? 25 : 12;
  } else {
    score = 6;
  }
  return p.vendor.extraterritorialExposure === 'YES' ? Math.min(score, 6) : score;
}

function dataLocation(p: ScoredProfile): number {
  return points(DATA_LOCATION, p.hosting.dataResidency) - (p.hosting.nonEuRemoteAccess ? 5 : 0);
}

function qualifications(p: ScoredProfile): number {
  const c = p.certifications;
  let score = c.secNumCloud === 'OFFERING' ? 20 : c.secNumCloud === 'INFRASTRUCTURE_ONLY' ? 12 : 0;
  if (c.iso27001) score = c.secNumCloud === 'INFRASTRUCTURE_ONLY' ? score + 3 : Math.max(score, 8);
  if (c.hds) score += 5;
  return score;
}

function modelSovereignty(p: ScoredProfile): number {
  return (
    points(MODEL_ORIGIN, p.ai.modelOrigin) + points(MODEL_LICENCE, p.ai.modelLicence) + points(INFERENCE_HOSTING, p.ai.inferenceHosting)
  );
}

function dataProtection(p: ScoredProfile): number {
  return (
    (p.gdpr.dpaArt28 ? 4 : 0) +
    points(TRAINING, p.ai.trainingOnCustomerData) +
    (p.gdpr.subprocessorsPublic ? 2 : 0) +
    points(TRANSFERS, p.gdpr.nonEuTransfers)
  );
}

/** Grade thresholds live with the vocabulary (A ≥ 80, B ≥ 60, C ≥ 40, D ≥ 20, else E). */
export const gradeOf = gradeOfScore;

export const GRADE_ORDER: readonly SovereigntyGrade[] = ['E', 'D', 'C', 'B', 'A'];

/** True when `grade` is at least `minimum` (A is best). */
export function gradeAtLeast(grade: SovereigntyGrade, minimum: SovereigntyGrade): boolean {
  return GRADE_ORDER.indexOf(grade) >= GRADE_ORDER.indexOf(minimum);
}

export function scoreSovereignty(profile: ScoredProfile): SovereigntyScore {
  const blocks: Record<BlockKey, number> = {
    A: cap('A', jurisdictionAndControl(profile)),
    B: cap('B', dataLocation(profile)),
    C: cap('C', qualifications(profile)),
    D: cap('D', modelSovereignty(profile)),
    E: cap('E', dataProtection(profile)),
  };
  const total = blocks.A + blocks.B + blocks.C + blocks.D + blocks.E;
  return { blocks, total, grade: gradeOf(total) };
}
