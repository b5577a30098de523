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

/**
 * Every number the score uses, by block: the public method page (/app/methode/souverainete) is
 * rendered from this object, so what it says cannot drift from what is computed.
 */
export const SCORE_POINTS = {
  /** Block A: an EU head office without non-EU control, hosted in the EU (or on the customer's premises); hosted elsewhere; under non-EU control; at most this when exposed to an extraterritorial law. */
  jurisdiction: { euIndependentEuHost: 25, euIndependentOtherHost: 12, nonEuControl: 6, extraterritorialCap: 6 },
  /** Block B: by data residency, minus the penalty when staff outside the EU can access them. */
  dataLocation: DATA_LOCATION,
  nonEuRemoteAccessPenalty: 5,
  /** Block C. */
  qualifications: { secNumCloudOffering: 20, secNumCloudInfrastructure: 12, iso27001Alone: 8, iso27001WithInfrastructure: 3, hds: 5 },
  /** Block D: origin + licence + where the model runs. */
  modelOrigin: MODEL_ORIGIN,
  modelLicence: MODEL_LICENCE,
  inferenceHosting: INFERENCE_HOSTING,
  /** Block E. */
  dpaArt28: 4,
  training: TRAINING,
  subprocessorsPublic: 2,
  transfers: TRANSFERS,
} as const;

const points = (table: Record<string, number>, value: string): number => table[value] ?? 0;
const cap = (block: BlockKey, value: number): number => Math.max(0, Math.min(BLOCK_MAX[block], value));

function jurisdictionAndControl(p: ScoredProfile): number {
  const j = SCORE_POINTS.jurisdiction;
  if (!EU.has(p.vendor.hqJurisdiction)) return 0;
  let score: number;
  if (p.vendor.nonEuControl === 'NONE') {
    const hostInEu = EU.has(p.hosting.providerJurisdiction) || p.hosting.dataResidency === 'CUSTOMER_PREMISES';
    score = hostInEu ? j.euIndependentEuHost : j.euIndependentOtherHost;
  } else {
    score = j.nonEuControl;
  }
  return p.vendor.extraterritorialExposure === 'YES' ? Math.min(score, j.extraterritorialCap) : score;
}

function dataLocation(p: ScoredProfile): number {
  return points(DATA_LOCATION, p.hosting.dataResidency) - (p.hosting.nonEuRemoteAccess ? SCORE_POINTS.nonEuRemoteAccessPenalty : 0);
}

function qualifications(p: ScoredProfile): number {
  const c = p.certifications;
  const q = SCORE_POINTS.qualifications;
  let score =
    c.secNumCloud === 'OFFERING' ? q.secNumCloudOffering : c.secNumCloud === 'INFRASTRUCTURE_ONLY' ? q.secNumCloudInfrastructure : 0;
  if (c.iso27001) score = c.secNumCloud === 'INFRASTRUCTURE_ONLY' ? score + q.iso27001WithInfrastructure : Math.max(score, q.iso27001Alone);
  if (c.hds) score += q.hds;
  return score;
}

function modelSovereignty(p: ScoredProfile): number {
  return (
    points(MODEL_ORIGIN, p.ai.modelOrigin) + points(MODEL_LICENCE, p.ai.modelLicence) + points(INFERENCE_HOSTING, p.ai.inferenceHosting)
  );
}

function dataProtection(p: ScoredProfile): number {
  return (
    (p.gdpr.dpaArt28 ? SCORE_POINTS.dpaArt28 : 0) +
    points(TRAINING, p.ai.trainingOnCustomerData) +
    (p.gdpr.subprocessorsPublic ? SCORE_POINTS.subprocessorsPublic : 0) +
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
