import { referenceData } from '../data/reference-data.js';
import { searchCommunes } from './commune-search.js';
import type { DepartementCode, RegionCode } from '../data/geo.types.js';
import {
  areAdjacentDepartements,
  areAdjacentRegions,
  departementOfCommune,
  findCommune,
  isCommuneCode,
  isDepartementCode,
  isRegionCode,
  listDepartements,
  listRegions,
  neighbourDepartements,
  neighbourRegions,
  regionOfCommune,
  regionOfDepartement,
} from './geography.js';
import { normaliseName } from '../data/normalise-name.js';

const dep = (code: string) => code as DepartementCode;
const reg = (code: string) => code as RegionCode;

describe('geography', () => {
  it('keeps the 18 régions, 101 départements and the current communes of France (no COM)', () => {
    const geo = referenceData().geography;
    expect(listRegions()).toHaveLength(18);
    expect(listDepartements()).toHaveLength(101);
    expect(geo.communes.size).toBe(34875);
    expect(isDepartementCode('975')).toBe(false);
    expect(isRegionCode('975')).toBe(false);
  });

  it.each([
    ['06088', 'Nice', '06', '93'],
    ['06152', 'Valbonne', '06', '93'],
    ['42218', 'Saint-Étienne', '42', '84'],
    ['93066', 'Saint-Denis', '93', '11'],
    ['2A004', 'Ajaccio', '2A', '94'],
    ['2B033', 'Bastia', '2B', '94'],
    ['97105', 'Basse-Terre', '971', '01'],
    ['97611', 'Mamoudzou', '976', '06'],
  ])('maps commune %s (%s) to département %s and région %s', (commune, name, departement, region) => {
    expect(findCommune(commune)?.name).toBe(name);
    expect(departementOfCommune(commune)).toBe(departement);
    expect(regionOfDepartement(departement)).toBe(region);
    expect(regionOfCommune(commune)).toBe(region);
  });

  it.each(['99999', '06', '97501', '13201', '', '6088'])('knows no commune %p', (code) => {
    expect(isCommuneCode(code)).toBe(false);
    expect(departementOfCommune(code)).toBeUndefined();
  });

  it('tells région 93 (PACA) from département 93 (Seine-Saint-Denis)', () => {
    expect(listRegions().find((r) => r.regionCode === '93')?.name).toBe("Provence-Alpes-Côte d'Azur");
    expect(listDepartements().find((d) => d.departementCode === '93')).toMatchObject({ name: 'Seine-Saint-Denis', regionCode: '11' });
    expect(listDepartements(reg('93')).map((d) => d.departementCode)).toEqual(['04', '05', '06', '13', '83', '84']);
  });

  it.each([
    ['06', '04', true],
    ['06', '83', true],
    ['06', '13', false],
    ['04', '13', true],
    ['2A', '2B', true],
    ['2A', '06', false],
    ['971', '972', false],
    ['93', '75', true],
  ])('département %s adjacent to %s: %s', (a, b, expected) => {
    expect(areAdjacentDepartements(dep(a), dep(b))).toBe(expected);
    expect(areAdjacentDepartements(dep(b), dep(a))).toBe(expected);
  });

  it.each([
    ['93', '84', true],
    ['93', '76', true],
    ['93', '11', false],
    ['94', '93', false],
    ['01', '02', false],
  ])('région %s adjacent to %s: %s', (a, b, expected) => {
    expect(areAdjacentRegions(reg(a), reg(b))).toBe(expected);
    expect(areAdjacentRegions(reg(b), reg(a))).toBe(expected);
  });

  it('has symmetric adjacency, a neighbour for every mainland département, none overseas', () => {
    for (const d of listDepartements()) {
      const neighbours = neighbourDepartements(d.departementCode);
      for (const n of neighbours) expect(neighbourDepartements(n)).toContain(d.departementCode);
      expect(neighbours.length > 0).toBe(d.zone === 'metro');
    }
    expect(neighbourDepartements(dep('06'))).toEqual(['04', '83']);
    expect(neighbourRegions(reg('93'))).toEqual(['76', '84']);
  });
});

describe('commune search', () => {
  const search = (q: string, departement?: string) =>
    searchCommunes({ q, departementCode: departement as DepartementCode | undefined, offset: 0, limit: 5 });

  it.each([
    ['saint etienne', '42218'],
    ['Saint-Étienne', '42218'],
    ['ST ETIENNE', '42218'],
    ['st-étienne', '42218'],
    ['nice', '06088'],
    ['NICE', '06088'],
    ['06560', '06152'],
    ['valbonne', '06152'],
    ['cannet', '06030'],
    ["l'isle-adam", '95313'],
    ['lisle adam', '95313'],
    ['ajaccio', '2A004'],
    ['2A004', '2A004'],
    ['pointe-a-pitre', '97120'],
  ])('finds %p first as %s', (q, code) => {
    expect(search(q).items[0]?.communeCode).toBe(code);
  });

  it('ranks an exact name first, then by population', () => {
    const names = search('saint etienne').items.map((c) => c.name);
    expect(names[0]).toBe('Saint-Étienne');
    const [exact, ...others] = search('saint').items;
    expect(exact).toMatchObject({ name: 'Le Saint', population: 612 }); // exact once its article is left out
    const populations = others.map((c) => c.population ?? 0);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('finds every commune of a postal code and filters by département', () => {
    expect(search('06000').items.map((c) => c.communeCode)).toEqual(['06088']);
    const inLoire = search('saint', '42');
    expect(inLoire.total).toBeGreaterThan(50);
    expect(inLoire.items.every((c) => c.departementCode === '42')).toBe(true);
  });

  it('pages the results and counts them all', () => {
    const first = searchCommunes({ q: 'saint', offset: 0, limit: 10 });
    const second = searchCommunes({ q: 'saint', offset: 10, limit: 10 });
    expect(first.total).toBe(second.total);
    expect(second.items[0].communeCode).not.toBe(first.items[0].communeCode);
  });

  it('finds nothing for punctuation only or an unknown name', () => {
    expect(search("-'").total).toBe(0);
    expect(search('xyzzy').total).toBe(0);
  });

  it.each([
    ['Saint-Étienne', 'saint etienne'],
    ['St-Tropez', 'saint tropez'],
    ['Ste-Maxime', 'sainte maxime'],
    ["L'Haÿ-les-Roses", 'l hay les roses'],
    ['Œuilly', 'oeuilly'],
  ])('normalises %p to %p', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});
