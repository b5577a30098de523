import { needsTextScore, textShare } from './top-k.js';
import { DEFAULT_WEIGHTS } from './weights.js';

describe('needsTextScore: which candidates can still reach the top k once text is known', () => {
  it.each([
    ['fewer candidates than k: all', [50, 40], 10, 2, [true, true]],
    ['no text weight: all', [90, 10, 5], 0, 1, [true, true, true]],
    ['far below the k-th: pruned', [90, 80, 50], 10, 2, [true, true, false]],
    ['within the text share: kept', [90, 80, 71], 10, 2, [true, true, true]],
    ['exactly the share plus rounding: kept', [90, 80, 69.9], 10, 2, [true, true, true]],
    ['just beyond: pruned', [90, 80, 69.8], 10, 2, [true, true, false]],
  ])('%s', (_label, partials, share, k, expected) => {
    expect(needsTextScore(partials, share, k)).toEqual(expected);
  });
});

describe('textShare', () => {
  it('is the points text can bring to a total, 0 when every weight is 0', () => {
    expect(textShare(DEFAULT_WEIGHTS)).toBe(30);
    expect(textShare({ useCase: 1, proximity: 0, sovereignty: 0, sector: 0, text: 3, fit: 0 })).toBe(75);
    expect(textShare({ useCase: 0, proximity: 0, sovereignty: 0, sector: 0, text: 0, fit: 0 })).toBe(0);
  });
});
