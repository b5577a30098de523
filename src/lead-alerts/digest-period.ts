/**
 * Which digest period a moment falls in, in Paris time (issue 18): a daily digest once the
 * digest hour has passed that day, a weekly one once it has passed on Monday. The key names the
 * period, so "at most one digest per user per period" is a unique key in the mail log.
 */
export interface DigestPeriod {
  key: string;
  /** The digest of this period may go out now. */
  due: boolean;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

function parisParts(now: Date): { y: number; m: number; d: number; hour: number } {
  const p = Object.fromEntries(PARTS.formatToParts(now).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), hour: Number(p.hour) };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO 8601 week of a calendar date: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(y: number, m: number, d: number): { year: number; week: number; weekday: number } {
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return { year: date.getUTCFullYear(), week: Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7), weekday };
}

export function dailyPeriod(now: Date, digestHour: number): DigestPeriod {
  const p = parisParts(now);
  return { key: `${p.y}-${pad(p.m)}-${pad(p.d)}`, due: p.hour >= digestHour };
}

export function weeklyPeriod(now: Date, digestHour: number): DigestPeriod {
  const p = parisParts(now);
  const w = isoWeek(p.y, p.m, p.d);
  // Due from Monday's digest hour to the end of the week: a server down on Monday still sends it.
  return { key: `${w.year}-W${pad(w.week)}`, due: w.weekday > 1 || p.hour >= digestHour };
}
