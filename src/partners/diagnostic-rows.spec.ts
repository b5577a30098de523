import { checkUseCases, desiredStartOf } from './diagnostic-rows.js';

const good = (over: Record<string, unknown> = {}) => ({
  code: 'UC-1',
  priority: 1,
  title: 'Tri des courriers entrants',
  description: 'Router 300 courriers par jour.',
  useCaseCodes: ['DOC_PROCESSING'],
  dataSensitivity: 'personal',
  horizon: '6_months',
  budgetMinEur: 5000,
  budgetMaxEur: 20000,
  ...over,
});

describe('checkUseCases', () => {
  it('returns the use cases by priority when every row is right', () => {
    const result = checkUseCases([good({ code: 'B', priority: 2 }), good({ code: 'A', priority: 1, description: undefined })]);
    expect(result).toEqual({
      useCases: [
        expect.objectContaining({ code: 'A', priority: 1, description: null }),
        expect.objectContaining({ code: 'B', priority: 2 }),
      ],
    });
  });

  it.each([
    ['title', { title: '' }, "Cas d'usage n° 2 : le titre est obligatoire"],
    ['priority', { priority: 0 }, 'la priorité est un entier'],
    ['useCaseCodes', { useCaseCodes: ['DOC_PROCESSING', 'TELEPATHY'] }, 'code(s) inconnu(s) : TELEPATHY'],
    ['useCaseCodes', { useCaseCodes: [] }, 'au moins un code'],
    ['dataSensitivity', { dataSensitivity: 'secret' }, 'la sensibilité des données'],
    ['horizon', { horizon: 'soon' }, 'l’horizon est l’un de'],
    ['budgetMinEur', { budgetMinEur: -1 }, 'le budget est un nombre entier'],
    ['budgetMaxEur', { budgetMinEur: 30000, budgetMaxEur: 1000 }, 'le budget maximum est inférieur'],
    ['code', { code: 'UC-1' }, 'figure déjà plus haut'],
    ['code', { code: 'a b' }, 'le code est obligatoire'],
  ])('names row 2 and its field %s, in French', (field, over, message) => {
    const result = checkUseCases([good(), good({ code: 'UC-2', ...over })]);
    expect('errors' in result && result.errors).toEqual([{ field: `useCases[1].${field}`, messages: [expect.stringContaining(message)] }]);
  });

  it('reports every problem of every row at once', () => {
    const result = checkUseCases([good({ title: '' }), 'not a row', good({ code: 'C', horizon: 'x', priority: 'high' })]);
    expect('errors' in result && result.errors.map((e) => e.field)).toEqual([
      'useCases[0].title',
      'useCases[1]',
      'useCases[2].priority',
      'useCases[2].horizon',
    ]);
  });
});

describe('desiredStartOf', () => {
  it.each([
    ['2026-11-30', 'immediate', '2026-11-30'],
    ['2026-11-30', '3_months', '2027-03-02'],
    ['2026-01-15', '12_months', '2027-01-15'],
  ] as const)('%s + %s → %s', (date, horizon, expected) => {
    expect(desiredStartOf(date, horizon)).toBe(expected);
  });
});
