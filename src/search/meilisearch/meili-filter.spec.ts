import { buildFilter, quote } from './meili-filter.js';
import { OFFERINGS_SETTINGS } from './meili-settings.js';

describe('Meilisearch filter builder', () => {
  it.each([
    ['plain', '"plain"'],
    ['with "quotes"', '"with \\"quotes\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['" OR national = true OR "', '"\\" OR national = true OR \\""'],
  ])('quotes %p safely', (value, expected) => {
    expect(quote(value)).toBe(expected);
  });

  it('returns nothing when nothing filters', () => {
    expect(buildFilter({})).toBeUndefined();
    expect(buildFilter({ useCases: [], grades: [] })).toBeUndefined();
  });

  it('builds every filter of the catalogue, joined by AND', () => {
    expect(
      buildFilter({
        useCases: ['DOC_PROCESSING', 'CYBERSECURITY'],
        sectors: ['62'],
        region: '93',
        departement: '2A',
        grades: ['A'],
        dataResidencies: ['FR'],
        requirements: ['DATA_IN_FRANCE', 'GDPR_DPA'],
        vendorId: 'v1',
      }),
    ).toBe(
      'useCases IN ["DOC_PROCESSING", "CYBERSECURITY"] AND sectors IN ["62"] AND (national = true OR regions = "93") AND ' +
        '(national = true OR departements = "2A") AND grade IN ["A"] AND dataResidency IN ["FR"] AND requirementsMet = "DATA_IN_FRANCE" AND ' +
        'requirementsMet = "GDPR_DPA" AND vendorId = "v1"',
    );
  });

  it('declares as filterable every attribute the builder filters on', () => {
    const filter =
      buildFilter({
        useCases: ['x'],
        sectors: ['x'],
        region: 'x',
        departement: 'x',
        grades: ['x'],
        dataResidencies: ['x'],
        requirements: ['x'],
        vendorId: 'x',
      }) ?? '';
    const used = [...filter.matchAll(/([a-zA-Z]+) (?:IN|=)/g)].map((m) => m[1]);
    for (const attribute of used) expect(OFFERINGS_SETTINGS.filterableAttributes).toContain(attribute);
  });

  it('sorts the empty query on sortable attributes only', () => {
    expect(OFFERINGS_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(['publishedAt', 'id']));
  });
});
