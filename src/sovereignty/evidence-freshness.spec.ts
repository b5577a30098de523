import { addDays, daysLeft, isEvidenceExpired, parisDay } from './evidence-freshness.js';

describe('evidence freshness', () => {
  it.each([
    ['2026-12-06T22:59:00Z', '2026-12-06'],
    // 23:30 UTC is already the next day in Paris (UTC+1 in winter).
    ['2026-12-06T23:30:00Z', '2026-12-07'],
    // Summer time: UTC+2.
    ['2027-06-30T22:30:00Z', '2027-07-01'],
  ])('reads %s as the Paris day %s', (iso, day) => {
    expect(parisDay(new Date(iso))).toBe(day);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-06', 30, '2027-01-05'],
  ])('adds to %s %i day(s): %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each([
    ['2026-12-07', '2026-12-06', 1],
    ['2026-12-06', '2026-12-06', 0],
    ['2026-12-05', '2026-12-06', -1],
    ['2027-03-31', '2026-12-06', 115],
  ])('counts the days left to %s from %s: %i', (until, today, expected) => {
    expect(daysLeft(until, today)).toBe(expected);
  });

  it.each([
    [null, '2026-12-06', false],
    ['2026-12-06', '2026-12-06', false],
    ['2026-12-05', '2026-12-06', true],
    ['2027-01-01', '2026-12-06', false],
  ])('evidence valid until %s has expired on %s: %s', (until, today, expected) => {
    expect(isEvidenceExpired(until, today)).toBe(expected);
  });
});
