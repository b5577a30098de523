import { proximityCriterion, sectorCriterion } from './place-criteria.js';

const area = (over: Partial<{ national: boolean; regions: string[]; departements: string[]; remoteDelivery: boolean }> = {}) => ({
  national: false,
  regions: [],
  departements: [],
  remoteDelivery: false,
  ...over,
});

describe('sectorCriterion', () => {
  it.each([
    ['10.71C', ['10.71C'], 100, 'Même activité (sous-classe NAF 10.71C).'],
    ['10.71C', ['10'], 65, 'Même division NAF 10.'],
    ['10.71C', [], 25, 'Offre multisectorielle, sans secteur ciblé.'],
    ['10.71C', ['84'], 0, "Le secteur du besoin n'est pas ciblé par l'offre."],
    [null, ['84'], 0, "Le secteur du besoin n'est pas précisé."],
  ])('need %p, offering %p → %i', (need, offering, score, reason) => {
    expect(sectorCriterion(need, offering)).toEqual({ score, reason });
  });
});

describe('proximityCriterion', () => {
  it.each([
    ['06088', ['06152'], area(), 'same_departement', 100, 'Valbonne'],
    ['06088', ['75056', '06004'], area({ national: true }), 'same_departement', 100, 'Antibes'],
    ['06088', ['83137'], area(), 'adjacent_departement', 80, 'Toulon'],
    ['06088', ['13055'], area(), 'same_region', 65, 'Marseille'],
    ['06088', ['75056'], area({ national: true }), 'on_site', 40, undefined],
    ['06088', ['75056'], area({ remoteDelivery: true }), 'remote', 30, undefined],
  ])('need in %s, vendor in %p → %s', (need, vendor, serviceArea, relation, score, from) => {
    const r = proximityCriterion(need, vendor, serviceArea);
    expect(r).toMatchObject({ relation, score });
    if (from) expect(r.reason).toContain(from);
  });
});
