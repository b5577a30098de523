import type { NeedDto } from '../../needs/dto/need.dto.js';
import { HardRequirement } from '../../reference/sovereignty/sovereignty.enums.js';
import { needToValues, parseNeedStep, parseNewNeed, stepOf, type NeedStep } from './need-step.form.js';

const need = (overrides: Partial<NeedDto> = {}): NeedDto =>
  ({
    id: '0b7a1c9e-52f4-4c59-9c1e-4c8a4f1f0d11',
    buyerType: 'pme',
    title: 'Tri des courriers',
    description: 'Classer les courriers entrants.',
    useCases: ['DOC_PROCESSING'],
    communeCode: '06088',
    reach: 'regional',
    acceptsRemote: true,
    minBudgetEur: 5000,
    maxBudgetEur: 20000,
    budgetFirm: false,
    desiredStart: '2027-01-15',
    deadline: null,
    dataSensitivity: 'personal',
    requirements: [],
    minSovereigntyGrade: null,
    version: 3,
    ...overrides,
  }) as NeedDto;

describe('need step form', () => {
  it.each([
    ['1', 1],
    ['4', 4],
    ['5', null],
    ['0', null],
    ['1a', null],
  ])('reads step %s of the address as %s', (raw, expected) => {
    expect(stepOf(raw)).toBe(expected);
  });

  it.each<[string, NeedStep, Record<string, unknown>, Record<string, unknown>]>([
    [
      'a French date and spaced euros',
      3,
      { minBudgetEur: '5 000', maxBudgetEur: '20000', desiredStart: '15/01/2027', version: '3' },
      { minBudgetEur: 5000, desiredStart: '2027-01-15', deadline: null, budgetFirm: false },
    ],
    [
      'a ticked firm budget',
      3,
      { minBudgetEur: '5000', maxBudgetEur: '20000', budgetFirm: 'true', version: '3' },
      { minBudgetEur: 5000, maxBudgetEur: 20000, budgetFirm: true },
    ],
    [
      'an unticked box as an indicative budget, even when the stored one was firm',
      3,
      { minBudgetEur: '5000', maxBudgetEur: '20000', version: '3' },
      { budgetFirm: false },
    ],
    [
      'a commune as the suggestion list offers it',
      2,
      { communeCode: 'Nice (06088)', reach: 'local', version: '3' },
      { communeCode: '06088', reach: 'local', acceptsRemote: false },
    ],
    [
      'emptied texts of step 1 as cleared',
      1,
      { title: 'Nouveau titre', description: '', version: '3' },
      { title: 'Nouveau titre', description: '', useCases: [] },
    ],
  ])('reads %s', async (_case, step, body, expected) => {
    const parsed = await parseNeedStep(step, body, need({ budgetFirm: true }));
    expect(parsed.errors).toBeUndefined();
    expect(parsed.dto).toMatchObject({ ...expected, version: 3 });
  });

  it.each<[string, NeedStep, Record<string, unknown>, string, string[]]>([
    [
      'text where a number is expected, once',
      3,
      { minBudgetEur: 'beaucoup', version: '3' },
      'minBudgetEur',
      ['Saisissez un nombre entier.'],
    ],
    ['an emptied title as missing', 1, { title: '', description: 'x', version: '3' }, 'title', ['Ce champ est obligatoire.']],
    ['an emptied commune as missing', 2, { communeCode: '', reach: 'local', version: '3' }, 'communeCode', ['Ce champ est obligatoire.']],
  ])('refuses %s', async (_case, step, body, field, messages) => {
    const parsed = await parseNeedStep(step, body, need());
    expect(parsed.dto).toBeUndefined();
    expect(parsed.errors?.[field]).toEqual(messages);
  });

  it.each([
    ['a new sensitivity ticks its suggestions', 'health', [], true],
    ['the same sensitivity adds nothing', 'personal', [], false],
    ['suggestions already ticked are not added twice', 'health', [HardRequirement.HDS_CERTIFIED], true],
  ] as [string, string, string[], boolean][])('step 4: %s', async (_case, sensitivity, ticked, adds) => {
    const parsed = await parseNeedStep(4, { dataSensitivity: sensitivity, requirements: ticked, version: '3' }, need());
    expect(parsed.added.length > 0).toBe(adds);
    for (const t of ticked) expect(parsed.added).not.toContain(t);
    expect(new Set(parsed.dto?.requirements).size).toBe(parsed.dto?.requirements?.length);
  });

  it('creates a need from step 1 and asks for a missing title', async () => {
    expect((await parseNewNeed({ title: 'Un besoin', useCases: 'DOC_PROCESSING' })).dto).toMatchObject({
      title: 'Un besoin',
      useCases: ['DOC_PROCESSING'],
    });
    expect((await parseNewNeed({ title: '  ' })).errors?.title).toEqual(['Ce champ est obligatoire.']);
  });

  it.each<[NeedStep, Partial<NeedDto>]>([
    [1, {}],
    [2, {}],
    [3, { budgetFirm: false }],
    [3, { budgetFirm: true }],
    [3, { minBudgetEur: null, maxBudgetEur: null, budgetFirm: true }],
    [4, {}],
  ])('shows a stored need in step %i (%o) and reads it back unchanged', async (step, overrides) => {
    const stored = need(overrides);
    const values = needToValues(stored);
    const body = Object.fromEntries(
      Object.entries({ ...values, version: '3' }).map(([k, v]) => [k, Array.isArray(v) ? v : v === null ? '' : String(v)]),
    );
    const parsed = await parseNeedStep(step, body, stored);
    expect(parsed.errors).toBeUndefined();
    for (const [key, value] of Object.entries(parsed.dto ?? {})) if (key !== 'version') expect([key, value]).toEqual([key, values[key]]);
  });

  describe('a start date in the past', () => {
    it('is refused when typed, with a plain message', async () => {
      const parsed = await parseNeedStep(3, { desiredStart: '01/01/2020', version: '3' }, need());
      expect(parsed.errors).toEqual({ desiredStart: ["Cette date est déjà passée : choisissez aujourd'hui ou une date à venir."] });
    });

    it('is kept when it is the one already stored (the page warns instead)', async () => {
      const parsed = await parseNeedStep(
        3,
        { desiredStart: '2020-01-01', minBudgetEur: '6000', version: '3' },
        need({ desiredStart: '2020-01-01' }),
      );
      expect(parsed.errors).toBeUndefined();
    });
  });
});
