import { parisToday } from '../../src/needs/need-dates.js';

/*
 * Dates typed in tests, relative to today (issue 23): the console refuses a start date in the
 * past, so a fixed "future" date would start failing the day it passes.
 */

/** The calendar day `days` after today in Paris, as `YYYY-MM-DD`. */
export function daysFromToday(days: number): string {
  const today = new Date(`${parisToday()}T00:00:00Z`);
  return new Date(today.getTime() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** `2027-01-15` as a French buyer types it: `15/01/2027`. */
export const typedFrench = (iso: string): string => iso.split('-').reverse().join('/');

/** `2027-01-15` as the pages show it: `15 janvier 2027`. */
export const shownFrench = (iso: string): string =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
