import { inCommune, proximityCriterion, sectorCriterion } from './place-criteria.js';

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
  const sites = (headOffice: string, ...confirmedEstablishments: string[]) => ({ headOffice, confirmedEstablishments });

  it.each([
    ['06088', sites('06152'), area(), 'same_departement', 100, 'Fournisseur présent dans le même département (siège à Valbonne).'],
    [
      '06088',
      sites('75056', '06004'),
      area({ national: true }),
      'same_departement',
      100,
      'Fournisseur présent dans le même département (établissement confirmé à Antibes).',
    ],
    ['06088', sites('83137'), area(), 'adjacent_departement', 80, 'Fournisseur présent dans un département limitrophe (siège à Toulon).'],
    [
      '06088',
      sites('75056', '13055'),
      area(),
      'same_region',
      65,
      'Fournisseur présent dans la même région (établissement confirmé à Marseille).',
    ],
    // A head office and an establishment equally close: the head office is named.
    ['06088', sites('06152', '06004'), area(), 'same_departement', 100, 'Fournisseur présent dans le même département (siège à Valbonne).'],
    // An establishment in the head office's commune is the head office.
    ['06088', sites('06088', '06088'), area(), 'same_departement', 100, 'Fournisseur présent dans le même département (siège à Nice).'],
    ['06088', sites('75056'), area({ national: true }), 'on_site', 40, 'Fournisseur plus éloigné, intervenant sur site dans cette zone.'],
    ['06088', sites('75056'), area({ remoteDelivery: true }), 'remote', 30, 'Fournisseur plus éloigné, intervenant à distance.'],
  ])('need in %s, vendor sites %j → %s', (need, vendor, serviceArea, relation, score, reason) => {
    expect(proximityCriterion(need, vendor, serviceArea)).toEqual({ relation, score, reason });
  });
});

describe('inCommune', () => {
  it.each([
    ['Nice', 'à Nice'],
    ['Le Cannet', 'au Cannet'],
    ['Les Mureaux', 'aux Mureaux'],
    ['La Rochelle', 'à La Rochelle'],
    ["L'Haÿ-les-Roses", "à L'Haÿ-les-Roses"],
    ['Lens', 'à Lens'],
  ])('%s → %s', (name, phrase) => {
    expect(inCommune(name)).toBe(phrase);
  });
});
