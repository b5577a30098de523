import { carryConfirmations, isConfirmed, repeatedSirets, withConfirmation, withoutConfirmation } from './establishments.js';
import type { Establishment } from './organisation.entity.js';

const NICE = { siret: '55210055400021', communeCode: '06088' };
const LYON = { siret: '55210055400039', communeCode: '69123' };
const confirmed = (e: Establishment, at = '2026-12-01T10:00:00.000Z'): Establishment => ({
  ...e,
  confirmedAt: at,
  confirmedBy: 'curator-1',
});

describe('carryConfirmations', () => {
  it.each<[string, Establishment[], Establishment[], Establishment[]]>([
    ['keeps the confirmation of an unchanged site', [confirmed(NICE)], [NICE], [confirmed(NICE)]],
    ['loses it when the commune changes', [confirmed(NICE)], [{ ...NICE, communeCode: '06004' }], [{ ...NICE, communeCode: '06004' }]],
    ['loses it when the SIRET changes', [confirmed(NICE)], [{ ...NICE, siret: LYON.siret }], [{ ...NICE, siret: LYON.siret }]],
    ['adds a new site unconfirmed, beside a kept one', [confirmed(NICE)], [LYON, NICE], [LYON, confirmed(NICE)]],
    ['drops a removed site with its confirmation', [confirmed(NICE), confirmed(LYON)], [LYON], [confirmed(LYON)]],
    ['keeps an unconfirmed site unconfirmed', [NICE], [NICE], [NICE]],
  ])('%s', (_case, previous, next, expected) => {
    expect(carryConfirmations(previous, next)).toEqual(expected);
  });

  it('takes nothing but the SIRET and commune from what a member sends', () => {
    const sent = { ...NICE, confirmedAt: '2020-01-01T00:00:00.000Z', confirmedBy: 'me' } as Establishment;
    expect(carryConfirmations([], [sent])).toEqual([NICE]);
  });
});

describe('confirming and taking back', () => {
  const at = new Date('2026-12-02T09:30:00.000Z');

  it('confirms the site of a SIRET only, stamped with the curator and the time', () => {
    expect(withConfirmation([NICE, LYON], NICE.siret, 'curator-2', at)).toEqual([
      { ...NICE, confirmedAt: '2026-12-02T09:30:00.000Z', confirmedBy: 'curator-2' },
      LYON,
    ]);
  });

  it('keeps the first confirmation of a site confirmed twice', () => {
    expect(withConfirmation([confirmed(NICE)], NICE.siret, 'curator-2', at)).toEqual([confirmed(NICE)]);
  });

  it('takes a confirmation back, leaving the declared site', () => {
    const list = withoutConfirmation([confirmed(NICE), confirmed(LYON)], NICE.siret);
    expect(list).toEqual([NICE, confirmed(LYON)]);
    expect(list.map(isConfirmed)).toEqual([false, true]);
  });
});

describe('repeatedSirets', () => {
  it.each([
    [[], []],
    [[NICE, LYON], []],
    [
      [NICE, LYON, { ...NICE, communeCode: '06004' }, NICE],
      [2, 3],
    ],
  ])('%j → %j', (list, repeated) => {
    expect(repeatedSirets(list)).toEqual(repeated);
  });
});
