import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parisDay } from '../paris-day.js';

/*
 * Dates in requests. class-validator's `@IsISO8601({ strict: true })` and `@IsDateString()` accept
 * every ISO 8601 form, week dates (`2026-W01-1`) and ordinal dates (`2026-070`) included, which
 * neither `new Date()` nor PostgreSQL reads: a request with one got a 500. These accept only what
 * the rest of the code reads, and only real days (no 30 February).
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A day, optionally followed by a time (minutes required, seconds and fraction optional) and an
// offset: what Date.parse and PostgreSQL's timestamptz both read the same way.
const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

/** `YYYY-MM-DD` naming a day that exists, years 0001 to 9999. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = CALENDAR_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC: no daylight-saving gap).
  const date = new Date(Date.UTC(2000, month, 0));
  date.setUTCFullYear(year, month, 0);
  return day <= date.getUTCDate();
}

/** A calendar day (`2026-12-31`) or an instant of it (`2026-12-31T18:00:00Z`, `…T18:00+01:00`). */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  return m !== null && isCalendarDate(m[1]) && Number.isFinite(Date.parse(value));
}

function dateDecorator(
  name: string,
  test: (value: unknown) => boolean,
  message: (property: string) => string,
  options?: ValidationOptions,
) {
  return (target: object, propertyName: string | symbol): void =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: (args) => message(args.property), ...options },
      validator: { validate: (value: unknown) => test(value) },
    });
}

/** A day written `YYYY-MM-DD` that exists in the calendar. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return dateDecorator('isCalendarDate', isCalendarDate, (p) => `${p} must be a real day written YYYY-MM-DD, such as 2026-12-31`, options);
}

/** An ISO 8601 day or instant in calendar form (no week or ordinal dates). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return dateDecorator(
    'isInstant',
    isInstant,
    (p) => `${p} must be a date such as 2026-12-31 or an instant such as 2026-12-31T18:00:00Z (ISO 8601)`,
    options,
  );
}

/**
 * A day that has happened (a diagnostic held, a contract signed): from `since` to today in Paris.
 * Besides being what such a date means, it keeps dates computed from it (a diagnostic's date plus
 * its horizon) inside what PostgreSQL stores.
 */
export function IsDayPast(since = '2000-01-01', options?: ValidationOptions): PropertyDecorator {
  return dateDecorator(
    'isDayPast',
    (value) => isCalendarDate(value) && value >= since && value <= parisDay(),
    (p) => `${p} must be a day from ${since} to today`,
    options,
  );
}
