import type { RequirementProfile } from './hard-requirements.js';

/** The effective sovereignty columns of an offering row, as matching reads them. */
export interface FlatSovereignty {
  dataResidency: string | null;
  providerJurisdiction: string | null;
  hqJurisdiction: string | null;
  nonEuRemoteAccess: boolean | null;
  secNumCloud: string | null;
  hds: boolean | null;
  iso27001: boolean | null;
  modelOrigin: string | null;
  modelLicence: string | null;
  inferenceHosting: string | null;
  trainingOnCustomerData: string | null;
  dpaArt28: boolean | null;
  nonEuTransfers: string | null;
  extraterritorialExposure: string | null;
  nonEuControl: string | null;
  deploymentModes: readonly string[];
  aiActRiskClass: string | null;
  dataExportOpenFormat: boolean | null;
}

/**
 * The profile hard requirements read, rebuilt from the flat effective columns. A missing value
 * reads as the one that fails (as the SQL twin treats NULL); `subprocessorsPublic` only feeds the
 * score, which is stored, so it is not needed here.
 */
export function profileFromColumns(c: FlatSovereignty): RequirementProfile {
  return {
    vendor: {
      hqJurisdiction: c.hqJurisdiction ?? 'UNKNOWN',
      nonEuControl: c.nonEuControl ?? 'MAJORITY',
      extraterritorialExposure: c.extraterritorialExposure ?? 'UNKNOWN',
    },
    hosting: {
      dataResidency: c.dataResidency ?? 'UNKNOWN',
      providerJurisdiction: c.providerJurisdiction ?? 'UNKNOWN',
      nonEuRemoteAccess: c.nonEuRemoteAccess ?? true,
      deploymentModes: c.deploymentModes,
    },
    certifications: { secNumCloud: c.secNumCloud ?? 'NONE', iso27001: c.iso27001 === true, hds: c.hds === true },
    ai: {
      modelOrigin: c.modelOrigin ?? 'OTHER',
      modelLicence: c.modelLicence ?? 'PROPRIETARY',
      inferenceHosting: c.inferenceHosting ?? 'THIRD_PARTY_API_NON_EU',
      trainingOnCustomerData: c.trainingOnCustomerData ?? 'YES',
      aiActRiskClass: c.aiActRiskClass ?? 'UNASSESSED',
    },
    gdpr: { dpaArt28: c.dpaArt28 === true, subprocessorsPublic: false, nonEuTransfers: c.nonEuTransfers ?? 'UNKNOWN' },
    reversibility: { dataExportOpenFormat: c.dataExportOpenFormat === true },
  };
}
