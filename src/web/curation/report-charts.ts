import { parisDay } from '../../common/paris-day.js';

/*
 * The geometry of the period report's charts (issue 24, decision 033), computed here so the
 * templates only draw: SVG user units in a fixed viewBox that scales to the page's width.
 */

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** "2026-11" → "nov. 26". */
export const monthLabel = (month: string): string => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

export interface ColumnBar {
  x: number;
  y: number;
  width: number;
  height: number;
  series: 'needs' | 'won';
  value: number;
}

export interface MonthChart {
  width: number;
  height: number;
  baseline: number;
  left: number;
  bars: ColumnBar[];
  labels: { x: number; text: string }[];
  ticks: { y: number; value: number }[];
}

/** Needs received and wins month by month, side by side; a label every few months so they never overlap. */
export function monthChart(rows: readonly { month: string; needs: number; won: number }[]): MonthChart {
  const width = 640;
  const height = 260;
  const left = 44;
  const top = 16;
  const baseline = height - 36;
  const slot = (width - left - 8) / Math.max(1, rows.length);
  const max = Math.max(1, ...rows.flatMap((r) => [r.needs, r.won]));
  const scale = (v: number) => Math.round(((baseline - top) * v) / max);
  const barWidth = Math.max(2, Math.floor(slot * 0.38));
  const bars = rows.flatMap((r, i) => {
    const x0 = left + i * slot + (slot - 2 * barWidth) / 2;
    return (['needs', 'won'] as const).map((series, j) => {
      const h = scale(r[series]);
      return { x: Math.round(x0 + j * barWidth), y: baseline - h, width: barWidth, height: h, series, value: r[series] };
    });
  });
  const every = Math.ceil(rows.length / 6);
  const labels = rows.flatMap((r, i) =>
    i % every === 0 ? [{ x: Math.round(left + i * slot + slot / 2), text: monthLabel(r.month) }] : [],
  );
  const tickValues = [...new Set([0, Math.round(max / 2), max])];
  return { width, height, baseline, left, bars, labels, ticks: tickValues.map((value) => ({ y: baseline - scale(value), value })) };
}

/**
 * The report's period from the page's: both ends as given, an open end filled (today; twelve
 * months back to a month's first day), and the last twelve months when nothing is given.
 */
export function reportPeriodOf(period: { from?: string; to?: string }, now: Date = new Date()): { from: string; to: string } {
  const to = period.to ?? (period.from && period.from > parisDay(now) ? period.from : parisDay(now));
  if (period.from) return { from: period.from, to };
  const [year, month] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const start = month === 12 ? `${year}-01-01` : `${year - 1}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: start, to };
}
