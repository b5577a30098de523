import { readFileSync } from 'node:fs';
import { countedClaims, effectiveProfile, gradeProfile, isClaimKey, type ClaimKey, type ClaimStatus } from './sovereignty-claims.js';
import type { ScoredProfile } from './sovereignty-score.js';

const vectors = (
  JSON.parse(readFileSync(new URL('./sovereignty-score-vectors.json', import.meta.url), 'utf8')) as {
    vectors: { profile: ScoredProfile }[];
  }
).vectors;
const frSaas = vectors[0].profile; // 99, A
const usVendor = vectors[3].profile; // 19, E

const all = (keys: ClaimKey[], status: ClaimStatus) => Object.fromEntries(keys.map((k) => [k, status]));

describe('sovereignty claims', () => {
  it('counts only the claims that earn points', () => {
    const counted = countedClaims(frSaas);
    expect(counted).toContain('certifications.secNumCloud');
    expect(counted).toContain('hosting.nonEuRemoteAccess');
    // ISO 27001 adds nothing on top of a SecNumCloud offering: the block is already at its cap.
    expect(counted).not.toContain('certifications.iso27001');
    expect(countedClaims(usVendor)).not.toContain('vendor.hqJurisdiction');
  });

  it('labels a profile "déclaratif" until every counted claim is verified', () => {
    const counted = countedClaims(frSaas);
    expect(gradeProfile(frSaas, {}).label).toBe('déclaratif');
    const allButOne = all(counted.slice(1), 'verified');
    expect(gradeProfile(frSaas, allButOne).label).toBe('déclaratif');
    const graded = gradeProfile(frSaas, all(counted, 'verified'));
    expect(graded).toMatchObject({ label: 'vérifié', verified: true, total: 99, grade: 'A' });
  });

  it('stops counting a rejected claim: SecNumCloud rejected drops block C', () => {
    const graded = gradeProfile(frSaas, { 'certifications.secNumCloud': 'rejected' });
    // ISO 27001 now counts: at least 8 for block C.
    expect(graded.blocks.C).toBe(8);
    expect(graded.total).toBe(87);
    expect(graded.countedClaims).toContain('certifications.iso27001');
  });

  it('scores a rejected "no remote access" claim as remote access', () => {
    expect(effectiveProfile(frSaas, { 'hosting.nonEuRemoteAccess': 'rejected' }).hosting.nonEuRemoteAccess).toBe(true);
    expect(gradeProfile(frSaas, { 'hosting.nonEuRemoteAccess': 'rejected' }).blocks.B).toBe(15);
  });

  it('does not mutate the declared profile', () => {
    const copy = structuredClone(frSaas);
    effectiveProfile(frSaas, { 'ai.modelOrigin': 'rejected' });
    expect(frSaas).toEqual(copy);
  });

  it('a profile that earns nothing is never "vérifié"', () => {
    const nothing = structuredClone(usVendor);
    nothing.certifications.iso27001 = false;
    nothing.ai.modelOrigin = 'CN';
    nothing.ai.trainingOnCustomerData = 'YES';
    nothing.gdpr = { dpaArt28: false, subprocessorsPublic: false, nonEuTransfers: 'UNKNOWN' };
    expect(gradeProfile(nothing, {}).verified).toBe(false);
  });

  it.each([
    ['certifications.secNumCloud', true],
    ['certifications.unknown', false],
    ['toString', false],
  ])('isClaimKey(%s) = %p', (key, ok) => {
    expect(isClaimKey(key)).toBe(ok);
  });
});
