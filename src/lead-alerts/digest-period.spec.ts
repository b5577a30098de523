import { dailyPeriod, isoWeek, weeklyPeriod } from './digest-period.js';

describe('digest periods (Paris time)', () => {
  it('names the Paris day and is due once the digest hour has passed there', () => {
    // 06:30 UTC in winter is 07:30 in Paris: not yet 8 h.
    expect(dailyPeriod(new Date('2026-12-07T06:30:00Z'), 8)).toEqual({ key: '2026-12-07', due: false });
    expect(dailyPeriod(new Date('2026-12-07T07:00:00Z'), 8)).toEqual({ key: '2026-12-07', due: true });
    // 23:30 UTC is already the next day in Paris.
    expect(dailyPeriod(new Date('2026-12-07T23:30:00Z'), 8)).toEqual({ key: '2026-12-08', due: false });
    // Summer time: 06:00 UTC is 08:00 in Paris.
    expect(dailyPeriod(new Date('2026-07-01T06:00:00Z'), 8).due).toBe(true);
  });

  it('computes ISO weeks across year ends', () => {
    expect(isoWeek(2026, 12, 7)).toEqual({ year: 2026, week: 50, weekday: 1 });
    expect(isoWeek(2027, 1, 1)).toEqual({ year: 2026, week: 53, weekday: 5 });
    expect(isoWeek(2024, 12, 30)).toEqual({ year: 2025, week: 1, weekday: 1 });
  });

  it('makes the weekly digest due from Monday at the digest hour to Sunday', () => {
    expect(weeklyPeriod(new Date('2026-12-07T06:00:00Z'), 8)).toEqual({ key: '2026-W50', due: false }); // Monday 07:00
    expect(weeklyPeriod(new Date('2026-12-07T07:00:00Z'), 8)).toEqual({ key: '2026-W50', due: true });
    expect(weeklyPeriod(new Date('2026-12-13T03:00:00Z'), 8)).toEqual({ key: '2026-W50', due: true }); // Sunday night
    expect(weeklyPeriod(new Date('2026-12-13T23:30:00Z'), 8)).toEqual({ key: '2026-W51', due: false }); // Monday 00:30 Paris
  });
});
