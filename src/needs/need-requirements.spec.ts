import { DataSensitivity, HardRequirement as R } from '../reference/sovereignty/sovereignty.enums.js';
import { missingCompulsoryRequirements, missingForSubmission, missingSuggestions, suggestedRequirements } from './need-requirements.js';

describe('need requirements', () => {
  it.each<[DataSensitivity | null, string | null, R[]]>([
    [null, 'tpe', []],
    [null, 'collectivite', []],
    [DataSensitivity.NONE, 'pme', []],
    [DataSensitivity.NONE, 'collectivite', [R.DATA_IN_EU, R.GDPR_DPA]],
    [DataSensitivity.PERSONAL, 'tpe', [R.GDPR_DPA]],
    [DataSensitivity.PERSONAL, 'collectivite', [R.GDPR_DPA, R.DATA_IN_EU]],
    [DataSensitivity.HEALTH, 'pme', [R.HDS_CERTIFIED, R.DATA_IN_EU, R.GDPR_DPA]],
    [DataSensitivity.SENSITIVE_PUBLIC, 'collectivite', [R.SECNUMCLOUD_OFFERING, R.NO_EXTRATERRITORIAL_EXPOSURE, R.DATA_IN_EU, R.GDPR_DPA]],
  ])('suggests for %s data and a %s buyer: %j', (sensitivity, buyerType, expected) => {
    expect(suggestedRequirements(sensitivity, buyerType)).toEqual(expected);
  });

  it('lists the suggestions not yet taken', () => {
    expect(missingSuggestions([R.HDS_CERTIFIED, R.DATA_IN_EU, R.GDPR_DPA], [R.DATA_IN_EU])).toEqual([R.HDS_CERTIFIED, R.GDPR_DPA]);
  });

  it.each<[DataSensitivity | null, R[], R[]]>([
    [DataSensitivity.HEALTH, [], [R.HDS_CERTIFIED]],
    [DataSensitivity.HEALTH, [R.DATA_IN_EU], [R.HDS_CERTIFIED]],
    [DataSensitivity.HEALTH, [R.HDS_CERTIFIED], []],
    [DataSensitivity.PERSONAL, [], []],
    [DataSensitivity.SENSITIVE_PUBLIC, [], []],
    [null, [], []],
  ])('makes %s data with %j miss %j', (sensitivity, requirements, missing) => {
    expect(missingCompulsoryRequirements(sensitivity, requirements)).toEqual(missing);
  });

  const complete = {
    title: 'Chatbot',
    description: 'Répondre aux usagers',
    useCases: ['CUSTOMER_SERVICE_CHATBOT'],
    sector: '84.11Z',
    communeCode: '06088',
    reach: 'regional',
    dataSensitivity: 'personal',
  };
  it.each<[string, Partial<typeof complete>, string[]]>([
    ['a complete need', {}, []],
    ['a blank description', { description: '  ' }, ['description']],
    ['no use case and no reach', { useCases: [], reach: null as unknown as string }, ['useCases', 'reach']],
    ['no sensitivity declared', { dataSensitivity: null as unknown as string }, ['dataSensitivity']],
  ])('lists what %s misses before submission', (_name, overrides, missing) => {
    expect(missingForSubmission({ ...complete, ...overrides })).toEqual(missing);
  });
});
