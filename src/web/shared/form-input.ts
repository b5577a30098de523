import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../../common/errors/domain-error.js';
import { findCommune } from '../../reference/geo/geography.js';
import { searchCommunes } from '../../reference/geo/commune-search.js';
import { handlingOfCode } from './error-handling.js';
import { frenchDomainFieldErrors, frenchErrorMessage, frenchFieldErrors } from './french-messages.js';

/** A submitted form as Fastify parses it: repeated keys become arrays. */
export type FormBody = Record<string, string | string[] | undefined>;

export const asForm = (body: unknown): FormBody => (body && typeof body === 'object' ? (body as FormBody) : {});

/** A trimmed text field; empty means absent. */
export function text(form: FormBody, key: string): string | undefined {
  const raw = form[key];
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  const trimmed = typeof value === 'string' ? value.trim() : undefined;
  return trimmed ? trimmed : undefined;
}

/** Checkboxes and multiple selects: always an array. */
export function list(form: FormBody, key: string): string[] {
  const raw = form[key];
  const values: unknown[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return values
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A whole number in euros or a count; text that is not a number is kept, so validation names it. */
export function integer(form: FormBody, key: string): number | string | undefined {
  const value = text(form, key)?.replace(/[\s\u202f\u00a0€]/g, '');
  if (value === undefined) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

export const checkbox = (form: FormBody, key: string): boolean => list(form, key).some((v) => v === 'true' || v === 'on');

/**
 * A commune typed as "Nice (06088)" (what the suggestion list offers), an INSEE code, or a name
 * that designates one commune first (an exact name, the most populated first). Anything else is
 * returned as typed, so validation reports it.
 */
export function communeCode(form: FormBody, key: string): string | undefined {
  const value = text(form, key);
  if (!value) return undefined;
  const inParentheses = /\(([0-9][0-9AB][0-9]{3})\)\s*$/i.exec(value)?.[1];
  const candidate = (inParentheses ?? value).toUpperCase();
  if (findCommune(candidate)) return candidate;
  const found = searchCommunes({ q: value, offset: 0, limit: 1 }).items[0];
  return found && found.name.localeCompare(value, 'fr', { sensitivity: 'base' }) === 0 ? found.communeCode : value;
}

export interface FormCheck<T> {
  value?: T;
  errors: Record<string, string[]>;
}

/** Validates a plain object with the API's own DTO class (same rules), returning French messages. */
export async function checkWith<T extends object>(dtoClass: ClassConstructor<T>, plain: object): Promise<FormCheck<T>> {
  const instance = plainToInstance(dtoClass, plain);
  // Values are kept on the errors only to tell an empty field from a wrong one; they are not shown.
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: true },
  });
  return errors.length > 0 ? { errors: frenchFieldErrors(errors) } : { value: instance, errors: {} };
}

/** What a service refused, ready to show next to the form: French message, field errors, status. */
export interface Refused {
  message: string;
  errors: Record<string, string[]>;
  status: number;
  error: DomainError;
}

/** A service's refusal a page shows beside its form (error-handling.ts); null for what goes to the error filter. */
export function refusal(error: unknown): Refused | null {
  if (!(error instanceof DomainError) || handlingOfCode(error.code, error.status) !== 'form') return null;
  const errors = error.code === 'VALIDATION_FAILED' ? frenchDomainFieldErrors(error) : {};
  return { message: frenchErrorMessage(error.code, error.status), errors, status: error.status, error };
}

export type Outcome<R> = { done: true; value: R } | { done: false };

/** Runs a service call; a refusal is shown with `refused` (the page again), anything else is rethrown. */
export async function attempt<R>(run: () => Promise<R>, refused: (r: Refused) => unknown): Promise<Outcome<R>> {
  try {
    return { done: true, value: await run() };
  } catch (error) {
    const r = refusal(error);
    if (!r) throw error;
    await refused(r);
    return { done: false };
  }
}

/**
 * The console's form cycle: validate with the API's own DTO (the page again with French field
 * errors, 400), run the service, show what it refuses on the same page; done = saved.
 */
export async function submitForm<T extends object, R>(
  dtoClass: ClassConstructor<T>,
  plain: object,
  run: (dto: T) => Promise<R>,
  show: { invalid: (errors: Record<string, string[]>) => unknown; refused: (r: Refused) => unknown },
): Promise<Outcome<R>> {
  const checked = await checkWith(dtoClass, plain);
  if (!checked.value) {
    await show.invalid(checked.errors);
    return { done: false };
  }
  const dto = checked.value;
  return attempt(() => run(dto), show.refused);
}

/** Values of a form as typed (or as read from a DTO), to fill the form's fields. */
export type FormValues = Record<string, unknown>;

/** A form read: the DTO its service takes, or the French errors to show beside what was typed. */
export type Parsed<T> =
  { dto: T; values: FormValues; errors?: undefined } | { dto?: undefined; values: FormValues; errors: Record<string, string[]> };

/** What was typed, to show it again after a refusal (never the CSRF token). */
export function typedValues(form: FormBody): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(form)) {
    if (key === '_csrf' || key === '__proto__' || key === 'constructor' || value === undefined) continue;
    values[key] = value;
  }
  return values;
}

/** Validates the body a form stands for with the API's DTO class; `place` renames errors to the form's fields. */
export async function parseWith<T extends object>(
  dtoClass: ClassConstructor<T>,
  plain: object,
  values: FormValues,
  place: (errors: Record<string, string[]>) => Record<string, string[]> = (e) => e,
): Promise<Parsed<T>> {
  const checked = await checkWith(dtoClass, plain);
  return checked.value ? { dto: checked.value, values } : { values, errors: place(checked.errors) };
}

/** A list's page from the address (`?page=3`): a small positive number, else the first page. */
export const pageNumber = (raw: string | undefined): number => (raw && /^\d{1,4}$/.test(raw) && Number(raw) > 0 ? Number(raw) : 1);
