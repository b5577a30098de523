import { CLAIM_KEYS, claimValue, type ClaimKey } from '../sovereignty/sovereignty-claims.js';
import type {
  AiActRiskClass,
  AiActRole,
  DataResidency,
  DeploymentMode,
  EuAssuranceLevel,
  ExtraterritorialExposure,
  HdsActivity,
  InferenceHosting,
  JurisdictionOfControl,
  ModelLicence,
  ModelOrigin,
  NonEuControl,
  NonEuTransfers,
  SecNumCloudStatus,
  TrainingOnCustomerData,
  TrustLabel,
} from '../reference/sovereignty/sovereignty.enums.js';

/**
 * The SovereigntyProfile of REFERENCE §4.3 as stored (JSONB). Evidence and the platform's
 * verification live per claim in `offering_claim` rather than inside the profile, so a vendor can
 * never set `verifiedByPlatform` itself.
 */
export interface SovereigntyProfile {
  vendor: { hqJurisdiction: JurisdictionOfControl; nonEuControl: NonEuControl; extraterritorialExposure: ExtraterritorialExposure };
  hosting: {
    deploymentModes: DeploymentMode[];
    dataResidency: DataResidency;
    providerName?: string;
    providerJurisdiction: JurisdictionOfControl;
    nonEuRemoteAccess: boolean;
  };
  certifications: {
    secNumCloud: SecNumCloudStatus;
    hds: boolean;
    hdsActivities?: HdsActivity[];
    iso27001: boolean;
    iso42001: boolean;
    labels: TrustLabel[];
    euAssuranceLevel?: EuAssuranceLevel;
  };
  ai: {
    usesMl: boolean;
    modelOrigin: ModelOrigin;
    modelNames?: string[];
    modelLicence: ModelLicence;
    inferenceHosting: InferenceHosting;
    trainingOnCustomerData: TrainingOnCustomerData;
    aiActRole: AiActRole;
    aiActRiskClass: AiActRiskClass;
    gpaiBased: boolean;
  };
  gdpr: { dpaArt28: boolean; subprocessorsPublic: boolean; nonEuTransfers: NonEuTransfers; dpiaSupport: boolean };
  reversibility: { dataExportOpenFormat: boolean; exitClause: boolean };
  /** ISO timestamp of the last change of the declared values (set by the server). */
  declaredAt: string;
  /** ISO timestamp of the last curator decision on a claim (set by the server). */
  lastReviewedAt?: string;
}

/** The flat columns matching filters on, from the effective profile (rejected claims at their worst). */
export interface SovereigntyColumns {
  dataResidency: string;
  providerJurisdiction: string;
  hqJurisdiction: string;
  nonEuRemoteAccess: boolean;
  secNumCloud: string;
  hds: boolean;
  iso27001: boolean;
  modelOrigin: string;
  modelLicence: string;
  inferenceHosting: string;
  trainingOnCustomerData: string;
  dpaArt28: boolean;
  nonEuTransfers: string;
  extraterritorialExposure: string;
  nonEuControl: string;
  deploymentModes: string[];
  aiActRiskClass: string;
  dataExportOpenFormat: boolean;
}

export function sovereigntyColumns(p: SovereigntyProfile): SovereigntyColumns {
  return {
    dataResidency: p.hosting.dataResidency,
    providerJurisdiction: p.hosting.providerJurisdiction,
    hqJurisdiction: p.vendor.hqJurisdiction,
    nonEuRemoteAccess: p.hosting.nonEuRemoteAccess,
    secNumCloud: p.certifications.secNumCloud,
    hds: p.certifications.hds,
    iso27001: p.certifications.iso27001,
    modelOrigin: p.ai.modelOrigin,
    modelLicence: p.ai.modelLicence,
    inferenceHosting: p.ai.inferenceHosting,
    trainingOnCustomerData: p.ai.trainingOnCustomerData,
    dpaArt28: p.gdpr.dpaArt28,
    nonEuTransfers: p.gdpr.nonEuTransfers,
    extraterritorialExposure: p.vendor.extraterritorialExposure,
    nonEuControl: p.vendor.nonEuControl,
    deploymentModes: [...p.hosting.deploymentModes],
    aiActRiskClass: p.ai.aiActRiskClass,
    dataExportOpenFormat: p.reversibility.dataExportOpenFormat,
  };
}

/** Claims whose declared value differs between two profiles: their curator decision no longer holds. */
export function changedClaims(before: SovereigntyProfile | null, after: SovereigntyProfile): ClaimKey[] {
  if (!before) return [];
  return CLAIM_KEYS.filter((key) => claimValue(before, key) !== claimValue(after, key));
}
