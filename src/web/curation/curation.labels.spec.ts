import { otherLeadKindLabel } from './curation.labels.js';

describe('"autres pistes" kinds', () => {
  it.each([
    ['off_topic', 'Texte trop éloigné du besoin'],
    ['out_of_reach', 'Hors du périmètre demandé'],
    ['far_from_anything', 'Autre piste'],
    ['toString', 'Autre piste'],
  ])('labels %s as « %s »', (kind, label) => {
    expect(otherLeadKindLabel(kind)).toBe(label);
  });
});
