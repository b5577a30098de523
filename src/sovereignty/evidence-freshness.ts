/*
 * How long a curator's verification holds (issue 24): evidence carries a validity date, and a claim
 * verified on it counts as verified up to and including that day only. Dates are the calendar day in
 * Paris, so "valable jusqu'au 30/06/2028" means what a French reader takes it to mean.
 */

/** Days before expiry when the vendor gets its one warning. */
export const EXPIRY_WARNING_DAYS = 30;
/** How far ahead the curators' queue of expiring evidence looks. */
export const CURATOR_EXPIRY_HORIZON_DAYS = 60;

/** The calendar day of `now` in Paris, as YYYY-MM-DD (its callers read it from here). */
export { parisDay } from '../common/paris-day.js';

/** YYYY-MM-DD plus `days` calendar days (negative to go back). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `today` to `validUntil`: 0 on the last valid day, negative once expired. */
export function daysLeft(validUntil: string, today: string): number {
  return Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Evidence without a date does not expire; dated evidence expires the day after its date. */
export function isEvidenceExpired(validUntil: string | null, today: string): boolean {
  return validUntil !== null && validUntil < today;
}
