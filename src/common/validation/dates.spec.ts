import { isCalendarDate, isInstant } from './dates.js';

describe('dates in requests', () => {
  it.each(['2026-12-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('%s is a calendar date', (value) => {
    expect(isCalendarDate(value)).toBe(true);
    expect(isInstant(value)).toBe(true);
  });

  it.each([
    '2026-W01-1', // week date: ISO 8601, read by neither Date nor PostgreSQL
    '2026-070', // ordinal date
    '20261231', // basic format
    '2026-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-12-00',
    '0000-01-01',
    '2026-1-5',
    ' 2026-12-31',
    '2026-12-31T10:00:00Z',
    '',
    20261231,
    null,
    undefined,
    ['2026-12-31'],
  ])('%j is not a calendar date', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each([
    '2026-12-31T18:00:00Z',
    '2026-12-31T18:00Z',
    '2026-12-31T18:00:00.123Z',
    '2026-12-31T18:00:00+01:00',
    '2026-12-31T23:59:59-0530',
    '2026-12-31T18:00',
  ])('%s is an instant', (value) => expect(isInstant(value)).toBe(true));

  it.each([
    '2026-W10-1T10:00:00Z',
    '2026-070T10:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-12-31T24:00:00Z',
    '2026-12-31T18:60:00Z',
    '2026-12-31T18',
    '2026-12-31 18:00:00',
    '2026-12-31T18:00:00+25:00',
    '2026-12-31T18:00:00.1234567Z',
    'tomorrow',
  ])('%j is not an instant', (value) => {
    expect(isInstant(value)).toBe(false);
  });
});
