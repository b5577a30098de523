/**
 * The sovereignty vocabulary of REFERENCE §4.3, value for value. The SovereigntyProfile, its
 * validation and its score are built on these in a later issue; French labels are in
 * `sovereignty.labels.ts`.
 */

export const ZONES = ['FR', 'EU_EEA', 'ADEQUATE_COUNTRY', 'OTHER', 'UNKNOWN'] as const;
export type Zone = (typeof ZONES)[number];

export const JURISDICTIONS_OF_CONTROL = ['FR', 'EU_EEA', 'US', 'CN', 'UK', 'OTHER', 'UNKNOWN'] as const;
export type JurisdictionOfControl = (typeof JURISDICTIONS_OF_CONTROL)[number];

/** Whether the vendor is subject to CLOUD Act/FISA-type law, directly or via its host or model API. */
export const EXTRATERRITORIAL_EXPOSURES = ['NO', 'YES', 'UNKNOWN'] as const;
export type ExtraterritorialExposure = (typeof EXTRATERRITORIAL_EXPOSURES)[number];

export enum SecNumCloudStatus {
  /** This offering holds the ANSSI visa (composition or full). */
  OFFERING = 'OFFERING',
  /** Runs on a qualified IaaS/PaaS; the offering itself is not qualified. */
  INFRASTRUCTURE_ONLY = 'INFRASTRUCTURE_ONLY',
  /** Declared, no visa yet: scores as NONE. */
  IN_PROGRESS = 'IN_PROGRESS',
  NONE = 'NONE',
}

export enum NonEuControl {
  /** ≤ 24 % individual and ≤ 39 % collective non-EU holdings. */
  NONE = 'NONE',
  /** Above those thresholds but not controlling. */
  MINORITY = 'MINORITY',
  /** Controlled by a non-EU entity. */
  MAJORITY = 'MAJORITY',
}

export enum DataResidency {
  FR = 'FR',
  EU_EEA = 'EU_EEA',
  ADEQUATE_COUNTRY = 'ADEQUATE_COUNTRY',
  OTHER = 'OTHER',
  CUSTOMER_PREMISES = 'CUSTOMER_PREMISES',
  UNKNOWN = 'UNKNOWN',
}

export enum DeploymentMode {
  SAAS_SHARED = 'SAAS_SHARED',
  SAAS_DEDICATED = 'SAAS_DEDICATED',
  PRIVATE_CLOUD = 'PRIVATE_CLOUD',
  ON_PREMISE = 'ON_PREMISE',
  EDGE = 'EDGE',
}

export enum ModelOrigin {
  FR = 'FR',
  EU_EEA = 'EU_EEA',
  IN_HOUSE_EU = 'IN_HOUSE_EU',
  US = 'US',
  CN = 'CN',
  OTHER = 'OTHER',
  /** No ML model, rules only. */
  NONE = 'NONE',
}

export enum ModelLicence {
  /** Apache-2.0, MIT… */
  OSI_OPEN_SOURCE = 'OSI_OPEN_SOURCE',
  /** Research, non-production or community licences. */
  OPEN_WEIGHT_RESTRICTED = 'OPEN_WEIGHT_RESTRICTED',
  PROPRIETARY = 'PROPRIETARY',
  NONE = 'NONE',
}

export enum InferenceHosting {
  CUSTOMER_HOSTED = 'CUSTOMER_HOSTED',
  VENDOR_HOSTED_EU = 'VENDOR_HOSTED_EU',
  /** E.g. an EU provider's API, served in the EU. */
  THIRD_PARTY_API_EU = 'THIRD_PARTY_API_EU',
  THIRD_PARTY_API_NON_EU = 'THIRD_PARTY_API_NON_EU',
}

export enum TrainingOnCustomerData {
  NEVER = 'NEVER',
  OPT_IN = 'OPT_IN',
  OPT_OUT = 'OPT_OUT',
  YES = 'YES',
}

export enum NonEuTransfers {
  NONE = 'NONE',
  /** Including the EU-US Data Privacy Framework. */
  ADEQUACY = 'ADEQUACY',
  SCC = 'SCC',
  UNKNOWN = 'UNKNOWN',
}

export enum AiActRiskClass {
  PROHIBITED = 'PROHIBITED',
  HIGH = 'HIGH',
  TRANSPARENCY = 'TRANSPARENCY',
  MINIMAL = 'MINIMAL',
  UNASSESSED = 'UNASSESSED',
}

export enum AiActRole {
  PROVIDER = 'PROVIDER',
  DEPLOYER_SUPPORT = 'DEPLOYER_SUPPORT',
  INTEGRATOR = 'INTEGRATOR',
}

export enum TrustLabel {
  EXPERTCYBER = 'EXPERTCYBER',
  POSITIVE_AI = 'POSITIVE_AI',
  LABELIA = 'LABELIA',
  LNE_AI_PROCESS = 'LNE_AI_PROCESS',
  FRANCE_CYBERSECURITY = 'FRANCE_CYBERSECURITY',
}

/** The six activities an HDS certificate can cover (code de la santé publique, art. R.1111-9). */
export const HDS_ACTIVITIES = [1, 2, 3, 4, 5, 6] as const;
export type HdsActivity = (typeof HDS_ACTIVITIES)[number];

/** Reserved: CADA proposal, not law as of 2026-11. */
export const EU_ASSURANCE_LEVELS = [1, 2, 3, 4] as const;
export type EuAssuranceLevel = (typeof EU_ASSURANCE_LEVELS)[number];

/** Hard requirements a need can set (REFERENCE §4.5): filters applied before scoring. */
export enum HardRequirement {
  SECNUMCLOUD_OFFERING = 'SECNUMCLOUD_OFFERING',
  SECNUMCLOUD_INFRA_OR_BETTER = 'SECNUMCLOUD_INFRA_OR_BETTER',
  HDS_CERTIFIED = 'HDS_CERTIFIED',
  DATA_IN_FRANCE = 'DATA_IN_FRANCE',
  DATA_IN_EU = 'DATA_IN_EU',
  NO_NON_EU_REMOTE_ACCESS = 'NO_NON_EU_REMOTE_ACCESS',
  NO_EXTRATERRITORIAL_EXPOSURE = 'NO_EXTRATERRITORIAL_EXPOSURE',
  ON_PREMISE_OR_PRIVATE = 'ON_PREMISE_OR_PRIVATE',
  NO_TRAINING_ON_CUSTOMER_DATA = 'NO_TRAINING_ON_CUSTOMER_DATA',
  GDPR_DPA = 'GDPR_DPA',
  NO_NON_EU_TRANSFERS = 'NO_NON_EU_TRANSFERS',
  EU_MODEL = 'EU_MODEL',
  OPEN_SOURCE_MODEL = 'OPEN_SOURCE_MODEL',
  SELF_HOSTABLE_MODEL = 'SELF_HOSTABLE_MODEL',
  ISO27001 = 'ISO27001',
  AI_ACT_NOT_HIGH_RISK = 'AI_ACT_NOT_HIGH_RISK',
  DATA_EXPORT_OPEN_FORMAT = 'DATA_EXPORT_OPEN_FORMAT',
}

/** The sensitivity a need declares for the data it involves (DESIGN §3). */
export enum DataSensitivity {
  NONE = 'none',
  PERSONAL = 'personal',
  HEALTH = 'health',
  SENSITIVE_PUBLIC = 'sensitive_public',
}

/** Grades of the 0–100 sovereignty score (REFERENCE §4.4), best first. */
export const SOVEREIGNTY_GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type SovereigntyGrade = (typeof SOVEREIGNTY_GRADES)[number];

/** The five score blocks and their maxima (REFERENCE §4.4); they sum to 100. */
export const SOVEREIGNTY_BLOCKS = {
  jurisdiction: 25,
  dataLocation: 20,
  qualifications: 20,
  aiModel: 20,
  dataProtection: 15,
} as const;
export type SovereigntyBlock = keyof typeof SOVEREIGNTY_BLOCKS;

/** Lowest score of each grade (A ≥ 80, B 60–79, C 40–59, D 20–39, E < 20). */
export const GRADE_MIN_SCORES: Readonly<Record<SovereigntyGrade, number>> = { A: 80, B: 60, C: 40, D: 20, E: 0 };

export function gradeOfScore(score: number): SovereigntyGrade {
  return SOVEREIGNTY_GRADES.find((grade) => score >= GRADE_MIN_SCORES[grade]) ?? 'E';
}

/** The values of a string enum, in declaration order. */
export const enumValues = <E extends Record<string, string>>(e: E): E[keyof E][] => Object.values(e) as E[keyof E][];
