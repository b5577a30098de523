import { isStartInPast, parisToday } from './need-dates.js';

describe('need start date', () => {
  it.each([
    ['2026-12-05', '2026-12-06', true],
    ['2026-12-06', '2026-12-06', false],
    ['2027-01-15', '2026-12-06', false],
    [null, '2026-12-06', false],
    ['pas une date', '2026-12-06', false],
  ])('%s before %s: %s', (start, today, past) => {
    expect(isStartInPast(start, today)).toBe(past);
  });

  it('counts the day in Paris, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
