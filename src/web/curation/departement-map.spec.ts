import { areaTitle, departementMap, legendOf, levelOf } from './departement-map.js';

const share = (v: number | null): string => (v === null ? '—' : `${Math.round(v * 100)} %`);
const row = (departementCode: string, needs: number, won = 0, shareWonLocally: number | null = null) => ({
  departementCode,
  label: `Dép. ${departementCode}`,
  needs,
  won,
  shareWonLocally,
});

describe('the map of départements', () => {
  it.each([
    [0, 8, 0],
    [1, 8, 1],
    [2, 8, 1],
    [3, 8, 2],
    [8, 8, 4],
    [1, 1, 4],
  ])('puts %i needs (busiest %i) in class %i', (needs, max, level) => {
    expect(levelOf(needs, max)).toBe(level);
  });

  it('writes the legend as the ranges each class covers, empty classes left out', () => {
    expect(legendOf(8).map((c) => c.label)).toEqual(['Aucun besoin', '1 à 2 besoins', '3 à 4 besoins', '5 à 6 besoins', '7 à 8 besoins']);
    expect(legendOf(2).map((c) => [c.level, c.label])).toEqual([
      [0, 'Aucun besoin'],
      [2, '1 besoin'],
      [4, '2 besoins'],
    ]);
    expect(legendOf(0).map((c) => c.label)).toEqual(['Aucun besoin']);
  });

  it('says needs, wins and the local share in each title', () => {
    expect(areaTitle(row('06', 3, 2, 0.5), share)).toBe('Dép. 06 (06) : 3 besoins reçus, 2 contrats signés, 50 % gagnés localement');
    expect(areaTitle(row('29', 1), share)).toBe('Dép. 29 (29) : 1 besoin reçu, 0 contrat signé');
  });

  it('draws the metropolitan départements from the package and the overseas ones as squares under the map', () => {
    const map = departementMap([row('01', 4), row('2A', 1), row('971', 2), row('976', 0)], share);
    expect(map.areas.map((a) => [a.code, a.level, Boolean(a.path), Boolean(a.square)])).toEqual([
      ['01', 4, true, false],
      ['2A', 1, true, false],
      ['971', 2, false, true],
      ['976', 0, false, true],
    ]);
    const [height] = map.viewBox.split(' ').slice(3).map(Number);
    for (const a of map.areas.filter((x) => x.square)) expect(a.square!.y + a.square!.size).toBeLessThanOrEqual(height);
    expect(map.areas[3].square!.x).toBeGreaterThan(map.areas[2].square!.x);
  });
});
