import { profileFromColumns, type FlatSovereignty } from './flat-profile.js';
import { failedRequirements, HARD_REQUIREMENTS } from './hard-requirements.js';

const nulls: FlatSovereignty = {
  dataResidency: null,
  providerJurisdiction: null,
  hqJurisdiction: null,
  nonEuRemoteAccess: null,
  secNumCloud: null,
  hds: null,
  iso27001: null,
  modelOrigin: null,
  modelLicence: null,
  inferenceHosting: null,
  trainingOnCustomerData: null,
  dpaArt28: null,
  nonEuTransfers: null,
  extraterritorialExposure: null,
  nonEuControl: null,
  deploymentModes: [],
  aiActRiskClass: null,
  dataExportOpenFormat: null,
};

describe('profileFromColumns', () => {
  it.each(HARD_REQUIREMENTS.filter((r) => r !== 'AI_ACT_NOT_HIGH_RISK'))(
    'a profile of NULL columns fails %s, as SQL does',
    (requirement) => {
      expect(failedRequirements(profileFromColumns(nulls), [requirement])).toHaveLength(1);
    },
  );

  it.each([
    ['DATA_IN_FRANCE', { dataResidency: 'CUSTOMER_PREMISES' }],
    ['ON_PREMISE_OR_PRIVATE', { deploymentModes: ['EDGE', 'PRIVATE_CLOUD'] }],
    ['GDPR_DPA', { dpaArt28: true }],
    ['NO_NON_EU_REMOTE_ACCESS', { nonEuRemoteAccess: false }],
  ] as const)('reads %s from its column', (requirement, columns) => {
    expect(failedRequirements(profileFromColumns({ ...nulls, ...columns }), [requirement])).toEqual([]);
  });
});
