import {
  AiActRiskClass,
  AiActRole,
  DataResidency,
  DeploymentMode,
  InferenceHosting,
  ModelLicence,
  ModelOrigin,
  NonEuControl,
  NonEuTransfers,
  SecNumCloudStatus,
  TrainingOnCustomerData,
} from '../reference/sovereignty/sovereignty.enums.js';
import { changedClaims, sovereigntyColumns, type SovereigntyProfile } from './sovereignty-profile.js';

const base: SovereigntyProfile = {
  vendor: { hqJurisdiction: 'FR', nonEuControl: NonEuControl.NONE, extraterritorialExposure: 'NO' },
  hosting: {
    deploymentModes: [DeploymentMode.SAAS_DEDICATED],
    dataResidency: DataResidency.FR,
    providerJurisdiction: 'FR',
    nonEuRemoteAccess: false,
  },
  certifications: { secNumCloud: SecNumCloudStatus.OFFERING, hds: false, iso27001: true, iso42001: false, labels: [] },
  ai: {
    usesMl: true,
    modelOrigin: ModelOrigin.FR,
    modelLicence: ModelLicence.OSI_OPEN_SOURCE,
    inferenceHosting: InferenceHosting.VENDOR_HOSTED_EU,
    trainingOnCustomerData: TrainingOnCustomerData.NEVER,
    aiActRole: AiActRole.PROVIDER,
    aiActRiskClass: AiActRiskClass.MINIMAL,
    gpaiBased: true,
  },
  gdpr: { dpaArt28: true, subprocessorsPublic: true, nonEuTransfers: NonEuTransfers.NONE, dpiaSupport: true },
  reversibility: { dataExportOpenFormat: true, exitClause: true },
  declaredAt: '2026-11-25T10:00:00.000Z',
};

const withField = (section: keyof SovereigntyProfile, field: string, value: unknown): SovereigntyProfile =>
  ({ ...base, [section]: { ...(base[section] as object), [field]: value } }) as SovereigntyProfile;

describe('changedClaims', () => {
  it.each<[string, SovereigntyProfile | null, SovereigntyProfile, string[]]>([
    ['no previous profile', null, base, []],
    ['same values', base, { ...base, declaredAt: '2026-12-01T00:00:00.000Z' }, []],
    ['SecNumCloud downgraded', base, withField('certifications', 'secNumCloud', 'INFRASTRUCTURE_ONLY'), ['certifications.secNumCloud']],
    ['a boolean claim', base, withField('gdpr', 'dpaArt28', false), ['gdpr.dpaArt28']],
    ['a field that is not a claim', base, withField('certifications', 'iso42001', true), []],
    ['provider name only', base, withField('hosting', 'providerName', 'OVHcloud'), []],
  ])('%s → %j', (_name, before, after, expected) => {
    expect(changedClaims(before, after)).toEqual(expected);
  });
});

describe('sovereigntyColumns', () => {
  it('flattens the fields hard requirements filter on', () => {
    expect(sovereigntyColumns(base)).toEqual({
      dataResidency: 'FR',
      providerJurisdiction: 'FR',
      hqJurisdiction: 'FR',
      nonEuRemoteAccess: false,
      secNumCloud: 'OFFERING',
      hds: false,
      iso27001: true,
      modelOrigin: 'FR',
      modelLicence: 'OSI_OPEN_SOURCE',
      inferenceHosting: 'VENDOR_HOSTED_EU',
      trainingOnCustomerData: 'NEVER',
      dpaArt28: true,
      nonEuTransfers: 'NONE',
      extraterritorialExposure: 'NO',
      nonEuControl: 'NONE',
      deploymentModes: ['SAAS_DEDICATED'],
      aiActRiskClass: 'MINIMAL',
      dataExportOpenFormat: true,
    });
  });
});
