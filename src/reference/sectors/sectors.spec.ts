import { referenceData } from '../data/reference-data.js';
import { findNafCode, isNafCode, isWithinNaf, listNafCodes, nafLineage } from './naf.js';
import { sectorFilterCodes, sectorMatch } from './sector-match.js';

describe('NAF rév. 2', () => {
  it.each([
    ['section', 21],
    ['division', 88],
    ['groupe', 272],
    ['classe', 615],
    ['sous-classe', 732],
  ] as const)('has every %s (%i)', (level, count) => {
    expect(listNafCodes(level)).toHaveLength(count);
  });

  it('places 62.01Z under 62.01, 62.0, division 62 and section J, with its version', () => {
    expect(nafLineage('62.01Z').map((e) => e.code)).toEqual(['62.01Z', '62.01', '62.0', '62', 'J']);
    expect(findNafCode('62.01Z')).toEqual({
      code: '62.01Z',
      label: 'Programmation informatique',
      level: 'sous-classe',
      parentCode: '62.01',
      sectionCode: 'J',
      nafVersion: 'NAFRev2',
    });
    expect(isWithinNaf('62.01Z', '62')).toBe(true);
    expect(isWithinNaf('62.01Z', 'J')).toBe(true);
    expect(isWithinNaf('62.01Z', 'K')).toBe(false);
  });

  it.each([
    ['62.01Z', ['sous-classe'], true],
    ['6201Z', ['sous-classe'], false],
    ['62', ['sous-classe'], false],
    ['62', ['section', 'division'], true],
    ['J', ['section', 'division'], true],
    ['V', ['section'], false],
    ['84.11Z', ['sous-classe'], true],
    [6201, ['sous-classe'], false],
  ] as const)('isNafCode(%p, %p) is %p', (code, levels, expected) => {
    expect(isNafCode(code, levels)).toBe(expected);
  });

  it('lists the divisions of a section and the sous-classes under a division', () => {
    expect(listNafCodes('division', 'J').map((e) => e.code)).toEqual(['58', '59', '60', '61', '62', '63']);
    expect(listNafCodes('sous-classe', '62').map((e) => e.code)).toEqual(['62.01Z', '62.02A', '62.02B', '62.03Z', '62.09Z']);
  });

  it('covers every division of the package with exactly one section', () => {
    const naf = referenceData().naf;
    for (const division of listNafCodes('division')) expect(naf.byCode.get(division.parentCode ?? '')?.level).toBe('section');
  });
});

describe('sector match (DESIGN §5, REFERENCE §2.4)', () => {
  it.each([
    ['same sous-classe', '62.01Z', ['62.01Z'], 'sous-classe', 100],
    ['same classe', '62.02A', ['62.02B'], 'classe', 90],
    ['same groupe', '62.01Z', ['62.03Z'], 'groupe', 80],
    ['same division (offering targets the division)', '62.01Z', ['62'], 'division', 65],
    ['same division (different groupes)', '62.01Z', ['62.09Z'], 'groupe', 80],
    ['same section only', '62.01Z', ['58'], 'section', 40],
    ['same section, given as a section', '62.01Z', ['J'], 'section', 40],
    ['best of several sectors', '86.10Z', ['J', '86', 'Q'], 'division', 65],
    ['cross-sector offering', '84.11Z', [], 'cross_sector', 25],
    ['no shared section', '84.11Z', ['C', '62'], 'none', 0],
    ['unknown need code', '99.99X', ['62'], 'none', 0],
  ])('%s', (_case, need, sectors, match, score) => {
    expect(sectorMatch(need, sectors)).toMatchObject({ match, score });
  });
});

describe('catalogue sector filter', () => {
  it('reads a section as itself and its divisions, and a division as itself and its section', () => {
    expect(sectorFilterCodes(['O']).sort()).toEqual(['84', 'O']);
    expect(sectorFilterCodes(['84']).sort()).toEqual(['84', 'O']);
    const manufacturing = sectorFilterCodes(['C']);
    expect(manufacturing).toEqual(expect.arrayContaining(['C', '10', '25', '33']));
    expect(manufacturing).toHaveLength(1 + listNafCodes('division', 'C').length);
    expect(sectorFilterCodes(['47', '10']).sort()).toEqual(['10', '47', 'C', 'G']);
  });
});
