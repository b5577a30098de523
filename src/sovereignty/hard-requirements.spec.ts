import { HardRequirement as HardRequirementEnum } from '../reference/sovereignty/sovereignty.enums.js';
import {
  failedRequirements,
  HARD_REQUIREMENTS,
  isHardRequirement,
  type HardRequirement,
  type RequirementProfile,
} from './hard-requirements.js';

/** A profile that meets every hard requirement; each case below breaks exactly one thing. */
const sovereign: RequirementProfile = {
  vendor: { hqJurisdiction: 'FR', nonEuControl: 'NONE', extraterritorialExposure: 'NO' },
  hosting: { dataResidency: 'FR', providerJurisdiction: 'FR', nonEuRemoteAccess: false, deploymentModes: ['SAAS_DEDICATED', 'ON_PREMISE'] },
  certifications: { secNumCloud: 'OFFERING', iso27001: true, hds: true },
  ai: {
    modelOrigin: 'FR',
    modelLicence: 'OSI_OPEN_SOURCE',
    inferenceHosting: 'CUSTOMER_HOSTED',
    trainingOnCustomerData: 'NEVER',
    aiActRiskClass: 'MINIMAL',
  },
  gdpr: { dpaArt28: true, subprocessorsPublic: true, nonEuTransfers: 'NONE' },
  reversibility: { dataExportOpenFormat: true },
};

const change = (patch: (p: RequirementProfile) => void): RequirementProfile => {
  const p = structuredClone(sovereign) as RequirementProfile;
  patch(p);
  return p;
};

describe('hard requirements (REFERENCE §4.5)', () => {
  it('a fully sovereign profile meets all of them', () => {
    expect(failedRequirements(sovereign, HARD_REQUIREMENTS)).toEqual([]);
  });

  it.each<[HardRequirement, string, (p: RequirementProfile) => void, boolean]>([
    ['SECNUMCLOUD_OFFERING', 'infrastructure only', (p) => (p.certifications.secNumCloud = 'INFRASTRUCTURE_ONLY'), false],
    ['SECNUMCLOUD_INFRA_OR_BETTER', 'infrastructure only', (p) => (p.certifications.secNumCloud = 'INFRASTRUCTURE_ONLY'), true],
    ['SECNUMCLOUD_INFRA_OR_BETTER', 'in progress', (p) => (p.certifications.secNumCloud = 'IN_PROGRESS'), false],
    ['HDS_CERTIFIED', 'no HDS', (p) => (p.certifications.hds = false), false],
    ['DATA_IN_FRANCE', 'data in the EU', (p) => (p.hosting.dataResidency = 'EU_EEA'), false],
    ['DATA_IN_FRANCE', 'on customer premises', (p) => (p.hosting.dataResidency = 'CUSTOMER_PREMISES'), true],
    ['DATA_IN_EU', 'data in the EU', (p) => (p.hosting.dataResidency = 'EU_EEA'), true],
    ['DATA_IN_EU', 'adequate country', (p) => (p.hosting.dataResidency = 'ADEQUATE_COUNTRY'), false],
    ['DATA_IN_EU', 'unknown', (p) => (p.hosting.dataResidency = 'UNKNOWN'), false],
    ['NO_NON_EU_REMOTE_ACCESS', 'remote access', (p) => (p.hosting.nonEuRemoteAccess = true), false],
    ['NO_EXTRATERRITORIAL_EXPOSURE', 'exposed', (p) => (p.vendor.extraterritorialExposure = 'YES'), false],
    ['NO_EXTRATERRITORIAL_EXPOSURE', 'exposure unknown', (p) => (p.vendor.extraterritorialExposure = 'UNKNOWN'), false],
    ['NO_EXTRATERRITORIAL_EXPOSURE', 'US host', (p) => (p.hosting.providerJurisdiction = 'US'), false],
    ['NO_EXTRATERRITORIAL_EXPOSURE', 'non-EU minority control', (p) => (p.vendor.nonEuControl = 'MINORITY'), false],
    ['NO_EXTRATERRITORIAL_EXPOSURE', 'US model API', (p) => (p.ai.inferenceHosting = 'THIRD_PARTY_API_NON_EU'), false],
    ['NO_EXTRATERRITORIAL_EXPOSURE', 'EU model API', (p) => (p.ai.inferenceHosting = 'THIRD_PARTY_API_EU'), true],
    ['ON_PREMISE_OR_PRIVATE', 'shared SaaS only', (p) => (p.hosting.deploymentModes = ['SAAS_SHARED']), false],
    ['ON_PREMISE_OR_PRIVATE', 'private cloud', (p) => (p.hosting.deploymentModes = ['PRIVATE_CLOUD']), true],
    ['NO_TRAINING_ON_CUSTOMER_DATA', 'opt-in training', (p) => (p.ai.trainingOnCustomerData = 'OPT_IN'), false],
    ['GDPR_DPA', 'no DPA', (p) => (p.gdpr.dpaArt28 = false), false],
    ['NO_NON_EU_TRANSFERS', 'adequacy transfers', (p) => (p.gdpr.nonEuTransfers = 'ADEQUACY'), false],
    ['EU_MODEL', 'US model', (p) => (p.ai.modelOrigin = 'US'), false],
    ['EU_MODEL', 'in-house EU model', (p) => (p.ai.modelOrigin = 'IN_HOUSE_EU'), true],
    ['EU_MODEL', 'no model (rules only)', (p) => (p.ai.modelOrigin = 'NONE'), true],
    ['OPEN_SOURCE_MODEL', 'restricted open weights', (p) => (p.ai.modelLicence = 'OPEN_WEIGHT_RESTRICTED'), false],
    ['SELF_HOSTABLE_MODEL', 'vendor-hosted', (p) => (p.ai.inferenceHosting = 'VENDOR_HOSTED_EU'), false],
    ['ISO27001', 'no ISO 27001', (p) => (p.certifications.iso27001 = false), false],
    ['AI_ACT_NOT_HIGH_RISK', 'high risk', (p) => (p.ai.aiActRiskClass = 'HIGH'), false],
    ['AI_ACT_NOT_HIGH_RISK', 'prohibited', (p) => (p.ai.aiActRiskClass = 'PROHIBITED'), false],
    ['AI_ACT_NOT_HIGH_RISK', 'transparency obligations', (p) => (p.ai.aiActRiskClass = 'TRANSPARENCY'), true],
    ['DATA_EXPORT_OPEN_FORMAT', 'no open export', (p) => (p.reversibility.dataExportOpenFormat = false), false],
  ])('%s with %s → met: %p', (requirement, _case, patch, met) => {
    const failures = failedRequirements(change(patch), [requirement]);
    expect(failures.length === 0).toBe(met);
    if (!met) expect(failures[0]).toEqual({ requirement, reason: expect.stringMatching(/\.$/) });
  });

  it('lists every failed requirement, in the need order, and only those', () => {
    const usHosted = change((p) => {
      p.hosting.dataResidency = 'OTHER';
      p.hosting.providerJurisdiction = 'US';
    });
    const failures = failedRequirements(usHosted, ['GDPR_DPA', 'DATA_IN_FRANCE', 'DATA_IN_EU', 'ISO27001']);
    expect(failures.map((f) => f.requirement)).toEqual(['DATA_IN_FRANCE', 'DATA_IN_EU']);
  });

  it('is exactly the reference vocabulary, in the same order', () => {
    expect([...HARD_REQUIREMENTS]).toEqual(Object.values(HardRequirementEnum));
  });

  it('covers every requirement of the reference list', () => {
    expect(HARD_REQUIREMENTS).toHaveLength(17);
    expect(isHardRequirement('DATA_IN_FRANCE')).toBe(true);
    expect(isHardRequirement('DATA_ON_MARS')).toBe(false);
  });
});
