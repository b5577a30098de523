import { bandOf, dealValueEur, outcomeProblems, type OutcomeInput } from './deal-outcome.js';

describe('deal outcome', () => {
  it.each([
    [0, 'under_5k'],
    [4_999, 'under_5k'],
    [5_000, '5k_20k'],
    [19_999, '5k_20k'],
    [20_000, '20k_50k'],
    [50_000, '50k_150k'],
    [149_999, '50k_150k'],
    [150_000, 'over_150k'],
    [2_000_000, 'over_150k'],
  ])('puts %i € in band %s', (amount, band) => {
    expect(bandOf(amount)).toBe(band);
  });

  it.each([
    ['5k_20k', 18_000, 18_000],
    ['5k_20k', null, 12_500],
    ['under_5k', null, 2_500],
    ['over_150k', null, 200_000],
    [null, 42_000, 42_000],
    [null, null, null],
  ] as const)('counts band %s with amount %s as %s €', (band, amount, value) => {
    expect(dealValueEur(band, amount)).toBe(value);
  });

  const fields = (problems: { field: string }[]) => problems.map((p) => p.field);
  it.each<[OutcomeInput, boolean, string[]]>([
    [{ outcome: 'won', valueBand: '5k_20k', startDate: '2027-01-04' }, true, []],
    [{ outcome: 'won', amountEur: 30_000, startDate: '2027-01-04', public: true }, true, []],
    [{ outcome: 'won' }, true, ['valueBand', 'startDate']],
    [{ outcome: 'won' }, false, []],
    [{ outcome: 'won', valueBand: '5k_20k', amountEur: 30_000, startDate: '2027-01-04' }, true, ['amountEur']],
    [{ outcome: 'won', valueBand: '5k_20k', startDate: '2027-01-04', lostReason: 'price' }, true, ['lostReason']],
    [{ outcome: 'lost', lostReason: 'price' }, true, []],
    [{ outcome: 'lost' }, true, ['lostReason']],
    [{ outcome: 'lost' }, false, []],
    [{ outcome: 'lost', lostReason: 'other' }, true, ['lostComment']],
    [{ outcome: 'lost', lostReason: 'other', lostComment: 'Fusion de services.' }, true, []],
    [{ outcome: 'lost', lostReason: 'timing', valueBand: 'under_5k', public: false }, true, ['valueBand', 'public']],
  ])('checks %j (by a party: %s): problems on %j', (input, byParty, expected) => {
    expect(fields(outcomeProblems(input, byParty))).toEqual(expected);
  });
});
