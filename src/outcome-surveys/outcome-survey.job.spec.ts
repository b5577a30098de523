import { monthsBefore } from './outcome-survey.job.js';

describe('monthsBefore', () => {
  it.each([
    ['2027-05-15T10:00:00.000Z', 3, '2027-02-15T10:00:00.000Z'],
    ['2027-05-31T10:00:00.000Z', 3, '2027-02-28T10:00:00.000Z'],
    ['2028-05-31T10:00:00.000Z', 3, '2028-02-29T10:00:00.000Z'],
    ['2027-01-10T00:30:00.000Z', 3, '2026-10-10T00:30:00.000Z'],
    ['2027-03-31T23:59:00.000Z', 1, '2027-02-28T23:59:00.000Z'],
  ])('%s less %i month(s) is %s', (from, months, expected) => {
    expect(monthsBefore(new Date(from), months).toISOString()).toBe(expected);
  });
});
