import type { DepartementCode, RegionCode } from '../data/geo.types.js';
import { proximity, type ServiceArea } from './proximity.js';

const area = (overrides: Partial<ServiceArea> = {}): ServiceArea => ({
  national: false,
  regions: [],
  departements: [],
  remoteDelivery: false,
  ...overrides,
});
const NICE = '06088';

describe('proximity (DESIGN §5)', () => {
  it.each([
    ['an establishment in the same département (Valbonne)', NICE, ['06152'], area(), 'same_departement', 100],
    ['an adjacent département (Toulon, 83)', NICE, ['83137'], area(), 'adjacent_departement', 80],
    ['an adjacent département (Digne, 04)', NICE, ['04070'], area(), 'adjacent_departement', 80],
    ['the same région, not adjacent (Marseille, 13)', NICE, ['13055'], area(), 'same_region', 65],
    ['an adjacent région (Lyon, 84)', NICE, ['69123'], area(), 'adjacent_region', 45],
    ['an adjacent région (Montpellier, 76)', NICE, ['34172'], area(), 'adjacent_region', 45],
    ['far away with on-site national delivery (Paris)', NICE, ['75056'], area({ national: true }), 'on_site', 40],
    ['far away, on site in the need’s région', NICE, ['75056'], area({ regions: ['93' as RegionCode] }), 'on_site', 40],
    ['far away, on site in the need’s département', NICE, ['75056'], area({ departements: ['06' as DepartementCode] }), 'on_site', 40],
    [
      'far away, on site in département 93 only (not région 93)',
      NICE,
      ['75056'],
      area({ departements: ['93' as DepartementCode], remoteDelivery: true }),
      'remote',
      30,
    ],
    ['far away, remote only', NICE, ['75056'], area({ remoteDelivery: true }), 'remote', 30],
    ['far away, serving elsewhere only', NICE, ['75056'], area({ regions: ['11' as RegionCode] }), 'out_of_area', 0],
    ['Corsica from Nice: not adjacent, not same région', NICE, ['2A004'], area({ remoteDelivery: true }), 'remote', 30],
    ['Ajaccio to Bastia: 2A and 2B are adjacent', '2A004', ['2B033'], area(), 'adjacent_departement', 80],
    ['overseas, same département (Pointe-à-Pitre → Basse-Terre)', '97120', ['97105'], area(), 'same_departement', 100],
    ['overseas need, mainland vendor with national delivery', '97120', ['06088'], area({ national: true }), 'on_site', 40],
  ])('scores %s', (_case, need, vendors, serviceArea, relation, score) => {
    expect(proximity(need, vendors, serviceArea)).toMatchObject({ relation, score });
  });

  it('measures from the nearest establishment, HQ or not', () => {
    const result = proximity(NICE, ['75056', '13055', '06029'], area({ national: true }));
    expect(result).toEqual({ relation: 'same_departement', score: 100, fromCommuneCode: '06029' });
  });

  it('skips unknown vendor communes and falls back on the service area for an unknown need commune', () => {
    expect(proximity(NICE, ['99999', '83137'], area())).toMatchObject({ relation: 'adjacent_departement' });
    expect(proximity('99999', ['06088'], area({ national: true }))).toEqual({ relation: 'on_site', score: 40, fromCommuneCode: null });
    expect(proximity('99999', ['06088'], area({ regions: ['93' as RegionCode], remoteDelivery: true }))).toMatchObject({
      relation: 'remote',
    });
    expect(proximity(NICE, [], area())).toMatchObject({ relation: 'out_of_area', score: 0 });
  });
});
