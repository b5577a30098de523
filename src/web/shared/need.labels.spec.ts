import type { WiderReachDto } from '../../matches/dto/match.dto.js';
import { widerReachLines } from './need.labels.js';

describe('market depth: what a wider reach would bring, in the buyer’s words', () => {
  it.each<[string, WiderReachDto[] | undefined, string[]]>([
    [
      'a local need, both wider reaches bringing offerings',
      [
        { reach: 'regional', more: 3 },
        { reach: 'national', more: 6 },
      ],
      ['En élargissant à votre région et aux régions voisines : 3 offres de plus', 'En élargissant à toute la France : 6 offres de plus'],
    ],
    [
      'one offering, in the singular; a reach bringing none is not told',
      [
        { reach: 'regional', more: 0 },
        { reach: 'national', more: 1 },
      ],
      ['En élargissant à toute la France : 1 offre de plus'],
    ],
    ['a national need, with no wider reach', [], []],
    ['a depth without the list (an older answer)', undefined, []],
    ['an unknown reach, never as a raw code', [{ reach: 'europe' as WiderReachDto['reach'], more: 2 }], []],
  ])('%s', (_case, widerReach, lines) => {
    expect(widerReachLines(widerReach)).toEqual(lines);
  });
});
