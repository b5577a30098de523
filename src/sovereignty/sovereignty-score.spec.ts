import { readFileSync } from 'node:fs';
import { gradeAtLeast, gradeOf, scoreSovereignty, type ScoredProfile } from './sovereignty-score.js';

interface Vector {
  name: string;
  profile: ScoredProfile;
  expected: { blocks: Record<string, number>; total: number; grade: string };
}
const vectors = (JSON.parse(readFileSync(new URL('./sovereignty-score-vectors.json', import.meta.url), 'utf8')) as { vectors: Vector[] })
  .vectors;

const base = vectors[0].profile;
const tweak = (patch: (p: ScoredProfile) => void): ScoredProfile => {
  const p = structuredClone(base);
  patch(p);
  return p;
};

describe('scoreSovereignty', () => {
  it('has the five reference vectors', () => {
    expect(vectors.map((v) => v.expected.total)).toEqual([99, 85, 35, 19, 74]);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('scores "%s" exactly as the reference', (_name, v) => {
    expect(scoreSovereignty(v.profile)).toEqual(v.expected);
  });

  it.each([
    ['HQ outside the EU', (p: ScoredProfile) => (p.vendor.hqJurisdiction = 'US'), 'A', 0],
    ['non-EU minority control', (p: ScoredProfile) => (p.vendor.nonEuControl = 'MINORITY'), 'A', 6],
    ['extraterritorial exposure caps A at 6', (p: ScoredProfile) => (p.vendor.extraterritorialExposure = 'YES'), 'A', 6],
    ['unknown residency scores 0', (p: ScoredProfile) => (p.hosting.dataResidency = 'UNKNOWN'), 'B', 0],
    ['adequate country', (p: ScoredProfile) => (p.hosting.dataResidency = 'ADEQUATE_COUNTRY'), 'B', 8],
    ['remote access from outside the EU costs 5', (p: ScoredProfile) => (p.hosting.nonEuRemoteAccess = true), 'B', 15],
    [
      'SecNumCloud infrastructure only',
      (p: ScoredProfile) => ((p.certifications.secNumCloud = 'INFRASTRUCTURE_ONLY'), (p.certifications.iso27001 = false)),
      'C',
      12,
    ],
    ['infrastructure + ISO 27001 adds 3', (p: ScoredProfile) => (p.certifications.secNumCloud = 'INFRASTRUCTURE_ONLY'), 'C', 15],
    [
      'infrastructure + ISO + HDS',
      (p: ScoredProfile) => ((p.certifications.secNumCloud = 'INFRASTRUCTURE_ONLY'), (p.certifications.hds = true)),
      'C',
      20,
    ],
    ['offering + HDS stays capped at 20', (p: ScoredProfile) => (p.certifications.hds = true), 'C', 20],
    [
      'SecNumCloud in progress counts as none',
      (p: ScoredProfile) => ((p.certifications.secNumCloud = 'IN_PROGRESS'), (p.certifications.iso27001 = false)),
      'C',
      0,
    ],
    [
      'Chinese proprietary model through a non-EU API',
      (p: ScoredProfile) => (
        (p.ai.modelOrigin = 'CN'),
        (p.ai.modelLicence = 'PROPRIETARY'),
        (p.ai.inferenceHosting = 'THIRD_PARTY_API_NON_EU')
      ),
      'D',
      0,
    ],
    [
      'no model at all (rules only), customer-hosted',
      (p: ScoredProfile) => ((p.ai.modelOrigin = 'NONE'), (p.ai.modelLicence = 'NONE'), (p.ai.inferenceHosting = 'CUSTOMER_HOSTED')),
      'D',
      20,
    ],
    [
      'training opt-in and SCC transfers',
      (p: ScoredProfile) => ((p.ai.trainingOnCustomerData = 'OPT_IN'), (p.gdpr.nonEuTransfers = 'SCC')),
      'E',
      10,
    ],
    [
      'nothing declared for contracts',
      (p: ScoredProfile) => (
        (p.gdpr.dpaArt28 = false),
        (p.gdpr.subprocessorsPublic = false),
        (p.ai.trainingOnCustomerData = 'YES'),
        (p.gdpr.nonEuTransfers = 'UNKNOWN')
      ),
      'E',
      0,
    ],
  ])('%s → block %s = %i', (_name, patch, block, expected) => {
    expect(scoreSovereignty(tweak(patch)).blocks[block as 'A']).toBe(expected);
  });

  it.each([
    [100, 'A'],
    [80, 'A'],
    [79, 'B'],
    [60, 'B'],
    [59, 'C'],
    [40, 'C'],
    [39, 'D'],
    [20, 'D'],
    [19, 'E'],
    [0, 'E'],
  ])('total %i is grade %s', (total, grade) => {
    expect(gradeOf(total)).toBe(grade);
  });

  it.each([
    ['A', 'B', true],
    ['B', 'B', true],
    ['C', 'B', false],
    ['E', 'A', false],
  ] as const)('grade %s at least %s: %p', (grade, min, ok) => {
    expect(gradeAtLeast(grade, min)).toBe(ok);
  });
});
