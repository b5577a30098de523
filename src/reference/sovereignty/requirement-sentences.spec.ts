import { HardRequirement } from './sovereignty.enums.js';
import { REQUIREMENT_SENTENCES, requirementSentences } from './requirement-sentences.js';

describe('requirements in plain words', () => {
  it.each(Object.values(HardRequirement))('%s is one French sentence without its code', (code) => {
    const sentence = REQUIREMENT_SENTENCES[code];
    expect(sentence).toMatch(/^[A-ZÀ-Ý].+\.$/);
    expect(sentence).not.toContain(code);
  });

  it('keeps the everyday requirements apart from the advanced ones, in the need’s order', () => {
    const { everyday, advanced } = requirementSentences(['HDS_CERTIFIED', 'DATA_IN_EU', 'GDPR_DPA', 'NOT_A_CODE']);
    expect(everyday.map((l) => l.code)).toEqual(['DATA_IN_EU', 'GDPR_DPA']);
    expect(advanced.map((l) => l.code)).toEqual(['HDS_CERTIFIED']);
  });
});
