import { CLAIM_KEYS, CLAIMS } from '../../sovereignty/sovereignty-claims.js';
import { formatHelpers as h } from './format.js';

/* The offering page lists every scored claim with its value and status: all of it in French (issue 22). */
describe('claims as the public offering page reads them', () => {
  it.each(CLAIM_KEYS)('reads the worst value of claim %s in French, not as a code', (key) => {
    const worst = CLAIMS[key].worst;
    expect(h.profileValue(key, worst)).not.toBe(String(worst));
  });

  it.each([
    ['declared', 'déclaré, non vérifié'],
    ['verified', 'vérifié par l’équipe'],
    ['rejected', 'rejeté par l’équipe'],
  ])('says a %s claim is "%s"', (status, label) => expect(h.claimStatus(status)).toBe(label));

  it.each([
    ['A', 'A – très souverain', 'A – très souverain : 80 à 100 points sur 100'],
    ['C', 'C – partiellement souverain', 'C – partiellement souverain : 40 à 59 points sur 100'],
  ])('names grade %s for badges and filters', (grade, name, help) => {
    expect(h.gradeName(grade)).toBe(name);
    expect(h.gradeHelp(grade)).toBe(help);
    expect(h.gradeMeaning(grade)).toBe(name.slice(4));
  });
});
