import {
  DataResidency,
  EXTRATERRITORIAL_EXPOSURES,
  InferenceHosting,
  JURISDICTIONS_OF_CONTROL,
  ModelLicence,
  ModelOrigin,
  NonEuControl,
  NonEuTransfers,
  SecNumCloudStatus,
  TrainingOnCustomerData,
} from '../reference/sovereignty/sovereignty.enums.js';
import { applyChanges, gradeHints } from './grade-hints.js';
import { CLAIM_KEYS, effectiveProfile, type ClaimKey, type ClaimStatus } from './sovereignty-claims.js';
import { BLOCK_MAX, scoreSovereignty, type BlockKey, type ScoredProfile } from './sovereignty-score.js';

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rnd: () => number, values: readonly T[]): T => values[Math.floor(rnd() * values.length)];
const bool = (rnd: () => number): boolean => rnd() < 0.5;

function randomProfile(rnd: () => number): ScoredProfile {
  return {
    vendor: {
      hqJurisdiction: pick(rnd, JURISDICTIONS_OF_CONTROL),
      nonEuControl: pick(rnd, Object.values(NonEuControl)),
      extraterritorialExposure: pick(rnd, EXTRATERRITORIAL_EXPOSURES),
    },
    hosting: {
      dataResidency: pick(rnd, Object.values(DataResidency)),
      providerJurisdiction: pick(rnd, JURISDICTIONS_OF_CONTROL),
      nonEuRemoteAccess: bool(rnd),
    },
    certifications: { secNumCloud: pick(rnd, Object.values(SecNumCloudStatus)), iso27001: bool(rnd), hds: bool(rnd) },
    ai: {
      modelOrigin: pick(rnd, Object.values(ModelOrigin)),
      modelLicence: pick(rnd, Object.values(ModelLicence)),
      inferenceHosting: pick(rnd, Object.values(InferenceHosting)),
      trainingOnCustomerData: pick(rnd, Object.values(TrainingOnCustomerData)),
    },
    gdpr: { dpaArt28: bool(rnd), subprocessorsPublic: bool(rnd), nonEuTransfers: pick(rnd, Object.values(NonEuTransfers)) },
  };
}

function randomStatuses(rnd: () => number): Partial<Record<ClaimKey, ClaimStatus>> {
  const statuses: Partial<Record<ClaimKey, ClaimStatus>> = {};
  for (const key of CLAIM_KEYS) statuses[key] = pick(rnd, ['declared', 'verified', 'rejected'] as const);
  return statuses;
}

const best: ScoredProfile = {
  vendor: { hqJurisdiction: 'FR', nonEuControl: 'NONE', extraterritorialExposure: 'NO' },
  hosting: { dataResidency: 'FR', providerJurisdiction: 'FR', nonEuRemoteAccess: false },
  certifications: { secNumCloud: 'OFFERING', iso27001: true, hds: false },
  ai: { modelOrigin: 'FR', modelLicence: 'OSI_OPEN_SOURCE', inferenceHosting: 'CUSTOMER_HOSTED', trainingOnCustomerData: 'NEVER' },
  gdpr: { dpaArt28: true, subprocessorsPublic: true, nonEuTransfers: 'NONE' },
};

describe('gradeHints', () => {
  it('promises exactly the score difference the change makes, over 400 random profiles and claim decisions', () => {
    const rnd = random(22);
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const declared = randomProfile(rnd);
      const statuses = i % 2 === 0 ? {} : randomStatuses(rnd);
      const trusted = effectiveProfile(declared, statuses);
      const before = scoreSovereignty(trusted);
      const hints = gradeHints(declared, statuses);
      for (const hint of hints) {
        const after = scoreSovereignty(applyChanges(trusted, hint.changes));
        expect(after.total - before.total).toBe(hint.gain);
        expect(after.blocks[hint.block]).toBeGreaterThan(before.blocks[hint.block]);
        expect(hint.text).toContain(`ajouterai`);
        expect(hint.text).toContain(`${hint.gain} point`);
        expect(hint.text).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/); // no raw code
        checked++;
      }
      // Nothing for a block at its maximum, and every block below it gets a line.
      const hinted = new Set(hints.map((h) => h.block));
      for (const block of Object.keys(BLOCK_MAX) as BlockKey[]) {
        expect(hinted.has(block)).toBe(before.blocks[block] < BLOCK_MAX[block]);
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('says nothing for a profile at the maximum in every block', () => {
    expect(scoreSovereignty(best).total).toBe(100);
    expect(gradeHints(best)).toEqual([]);
  });

  it('names the best single change in plain French', () => {
    const p = structuredClone(best);
    p.certifications.secNumCloud = 'NONE';
    p.certifications.iso27001 = false;
    expect(gradeHints(p)).toEqual([
      {
        block: 'C',
        changes: [{ claim: 'certifications.secNumCloud', value: 'OFFERING' }],
        gain: 20,
        text: 'Qualifications : la qualification SecNumCloud de l’offre ajouterait 20 points.',
      },
    ]);
  });

  it('proposes a pair when a cap holds two fields down', () => {
    const p = structuredClone(best);
    p.vendor.nonEuControl = 'MAJORITY';
    p.vendor.extraterritorialExposure = 'YES';
    const [hint] = gradeHints(p);
    expect(hint.block).toBe('A');
    expect(hint.changes.map((c) => c.claim).sort()).toEqual(['vendor.extraterritorialExposure', 'vendor.nonEuControl']);
    expect(hint.gain).toBe(19);
    expect(hint.text).toMatch(/ajouteraient 19 points\.$/);
  });

  it('asks for proof when the claim that would count was rejected', () => {
    const statuses: Partial<Record<ClaimKey, ClaimStatus>> = { 'hosting.dataResidency': 'rejected' };
    const hints = gradeHints(best, statuses);
    const b = hints.find((h) => h.block === 'B');
    expect(b?.changes).toEqual([{ claim: 'hosting.dataResidency', value: 'FR' }]);
    expect(b?.text).toContain('une preuve acceptée par l’équipe');
    // A declared, unverified claim already counts in the score: no line for it.
    expect(gradeHints(best, { 'hosting.dataResidency': 'declared' })).toEqual([]);
  });
});
