import { DEFAULT_REQUIREMENTS_BY_SENSITIVITY } from '../sovereignty/default-requirements.js';
import { DataSensitivity, gradeOfScore, HardRequirement, SOVEREIGNTY_BLOCKS } from '../sovereignty/sovereignty.enums.js';
import { sovereigntyVocabulary } from '../sovereignty/sovereignty-vocabulary.js';
import { loadReferenceData, referenceData } from './reference-data.js';
import { USE_CASE_CODES } from './use-case.types.js';

describe('reference data', () => {
  it('is loaded once and shared', () => {
    expect(referenceData()).toBe(referenceData());
  });

  it('has a stable version naming its sources', () => {
    expect(loadReferenceData().version).toBe(referenceData().version);
    expect(referenceData().version).toMatch(/^[0-9a-f]{20}$/);
    expect(referenceData().sources).toEqual([
      { name: '@etalab/decoupage-administratif', version: '6.0.0' },
      { name: '@socialgouv/codes-naf', version: '1.1.1' },
    ]);
  });

  it('has the 18 use cases of REFERENCE §5 with French labels and AI Act hints', () => {
    const useCases = referenceData().useCases;
    expect(useCases.map((u) => u.code)).toEqual([...USE_CASE_CODES]);
    expect(useCases.find((u) => u.code === 'HR_RECRUITMENT')).toMatchObject({
      label: 'RH et recrutement',
      aiActHint: 'Annex III high-risk if selection/evaluation',
    });
  });
});

describe('sovereignty vocabulary', () => {
  it('labels every hard requirement in French', () => {
    const { hardRequirements } = sovereigntyVocabulary();
    expect(hardRequirements.map((r) => r.code)).toEqual(Object.values(HardRequirement));
    expect(hardRequirements.every((r) => r.label.length > 0)).toBe(true);
  });

  it.each([
    [DataSensitivity.NONE, []],
    [DataSensitivity.PERSONAL, ['GDPR_DPA']],
    [DataSensitivity.HEALTH, ['HDS_CERTIFIED', 'DATA_IN_EU', 'GDPR_DPA']],
    [DataSensitivity.SENSITIVE_PUBLIC, ['SECNUMCLOUD_OFFERING', 'NO_EXTRATERRITORIAL_EXPOSURE']],
  ])('defaults %s data to %p', (sensitivity, expected) => {
    expect(DEFAULT_REQUIREMENTS_BY_SENSITIVITY[sensitivity]).toEqual(expected);
  });

  it.each([
    [99, 'A'],
    [80, 'A'],
    [79, 'B'],
    [60, 'B'],
    [59, 'C'],
    [40, 'C'],
    [35, 'D'],
    [20, 'D'],
    [19, 'E'],
    [0, 'E'],
  ])('grades a score of %i as %s', (score, grade) => {
    expect(gradeOfScore(score)).toBe(grade);
  });

  it('has score blocks summing to 100', () => {
    expect(Object.values(SOVEREIGNTY_BLOCKS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});
