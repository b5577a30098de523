import { luhnOk } from '../../reference/validation/siren.js';
import type { OrganisationDto } from '../../organisations/dto/organisation.dto.js';
import type { VendorDto } from '../../vendors/dto/vendor.dto.js';
import { establishmentRows, organisationToValues, parseOrganisation, placeOrganisationErrors, siteStates } from './organisation.form.js';

const SIREN = '552100554';
/** The n-th valid SIRET of the SIREN (Luhn key), counting from 0. */
const siret = (n: number): string => {
  for (let nic = 0, found = -1; nic < 100000; nic++) {
    const candidate = `${SIREN}${String(nic).padStart(5, '0')}`;
    if (luhnOk(candidate) && ++found === n) return candidate;
  }
  throw new Error('no SIRET');
};
const base = { version: '4', name: 'Riviera IA', nafCode: '62.01z', communeCode: '06088' };

describe('organisation form', () => {
  it.each<[string, Record<string, unknown>, number]>([
    ['no establishment', {}, 0],
    ['a filled row', { 'establishments[0].siret': 'x' }, 1],
    ['a filled row after an empty one', { 'establishments[0].siret': '', 'establishments[2].communeCode': 'Nice' }, 3],
    ['blank rows', { 'establishments[0].siret': '  ', 'establishments[1].communeCode': '' }, 0],
  ])('counts establishment rows: %s', (_case, values, rows) => {
    expect(establishmentRows(values)).toBe(rows);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'the NAF code in capitals and the commune from its label',
      { communeCode: 'Nice (06088)' },
      { nafCode: '62.01Z', communeCode: '06088', establishments: [] },
    ],
    ['an emptied description and website as cleared', { description: '', website: '' }, { description: null, website: null }],
    [
      'rows marked for removal or left empty not sent',
      {
        'establishments[0].siret': siret(1),
        'establishments[0].communeCode': '06152',
        'establishments[0].remove': 'true',
        'establishments[1].siret': '',
        'establishments[2].siret': siret(2),
        'establishments[2].communeCode': '06088',
      },
      { establishments: [{ siret: siret(2), communeCode: '06088' }] },
    ],
  ])('reads %s', async (_case, body, expected) => {
    const parsed = await parseOrganisation({ ...base, ...body });
    expect(parsed.errors).toBeUndefined();
    expect(parsed.dto).toMatchObject({ ...expected, name: 'Riviera IA', version: 4 });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a website without its scheme', { website: 'riviera point fr' }, 'website'],
    [
      'a bad SIRET, on the row typed',
      { 'establishments[0].siret': '', 'establishments[1].siret': '123', 'establishments[1].communeCode': '06088' },
      'establishments[1].siret',
    ],
    ['an unknown commune', { communeCode: 'Nulle-Part-sur-Mer' }, 'communeCode'],
  ])('refuses %s, keeping what was typed', async (_case, body, field) => {
    const parsed = await parseOrganisation({ ...base, ...body });
    expect(parsed.dto).toBeUndefined();
    expect(Object.keys(parsed.errors ?? {})).toContain(field);
    expect(parsed.values).toMatchObject(body);
  });

  it.each([
    [[0, 2], 'establishments[1].siret', 'establishments[2].siret'],
    [[3], 'establishments[0].communeCode', 'establishments[3].communeCode'],
    [[], 'siret', 'siret'],
  ])('places a service error of the sent rows %j on its form row: %s → %s', (rows, sent, shown) => {
    expect(placeOrganisationErrors({ [sent]: ['x'] }, rows)).toEqual({ [shown]: ['x'] });
  });

  it('shows a stored organisation and reads it back as the same profile', async () => {
    const org = {
      id: 'o',
      siret: siret(0),
      nafCode: '62.01Z',
      communeCode: '06088',
      establishments: [{ siret: siret(1), communeCode: '06152' }],
      version: 4,
    } as unknown as OrganisationDto;
    const vendor = { name: 'Riviera IA', description: 'Éditeur.', website: 'https://riviera.example.fr', headcountBand: '11' } as VendorDto;
    const parsed = await parseOrganisation(organisationToValues(org, vendor));
    expect(parsed.dto).toMatchObject({
      ...vendor,
      siret: org.siret,
      nafCode: org.nafCode,
      communeCode: org.communeCode,
      establishments: org.establishments,
      version: 4,
    });
  });

  describe('the state of each site', () => {
    const at = '2026-12-02T09:30:00.000Z';
    const stored = [
      { siret: siret(1), communeCode: '06152', confirmed: true, confirmedAt: at },
      { siret: siret(2), communeCode: '06088', confirmed: false, confirmedAt: null },
    ];
    it.each<[string, Record<string, unknown>, unknown[]]>([
      [
        'as stored, then the empty row',
        { 'establishments[0].siret': siret(1), 'establishments[0].communeCode': '06152', 'establishments[1].siret': siret(2) },
        [{ confirmed: true, confirmedAt: at }, { confirmed: false }, null],
      ],
      [
        'a confirmed site typed again with spaces and its commune by name',
        { 'establishments[0].siret': `${siret(1).slice(0, 9)} ${siret(1).slice(9)}`, 'establishments[0].communeCode': 'Valbonne' },
        [{ confirmed: true, confirmedAt: at }, null],
      ],
      [
        'a confirmed site being moved',
        { 'establishments[0].siret': siret(1), 'establishments[0].communeCode': '06088' },
        [{ confirmed: false }, null],
      ],
      ['a new site', { 'establishments[0].siret': siret(3), 'establishments[0].communeCode': '06152' }, [{ confirmed: false }, null]],
    ])('%s', (_case, values, states) => {
      expect(siteStates(values, stored, states.length)).toEqual(states);
    });
  });
});
