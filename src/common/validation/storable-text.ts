import type { FieldError } from '../errors/validation.js';

/** PostgreSQL text (and jsonb strings) cannot hold U+0000: it fails with SQLSTATE 22021. */
const NUL = '\u0000';

const MESSAGE = 'must not contain a NUL character (U+0000)';

/**
 * The fields of a parsed request part (body, query, params) whose strings, keys included, hold a
 * character no text column can store; paths as the validation errors write them (`a.b[0]`).
 */
export function unstorableFields(value: unknown, path = '', depth = 0): FieldError[] {
  if (typeof value === 'string') return value.includes(NUL) ? [{ field: path || 'body', messages: [`${path || 'body'} ${MESSAGE}`] }] : [];
  // Parsed JSON nests at most as deep as the body limit allows; stop well before the stack does.
  if (value === null || typeof value !== 'object' || depth > 64) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableFields(item, `${path}[${i}]`, depth + 1));
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
    const field = path ? `${path}.${key}` : key;
    const own = key.includes(NUL) ? [{ field: path || 'body', messages: [`a field name ${MESSAGE}`] }] : [];
    return [...own, ...unstorableFields(item, field, depth + 1)];
  });
}
