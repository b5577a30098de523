/**
 * A failure the caller can act on. Each feature declares its codes with their HTTP status in its
 * `*.errors.ts` (see docs/decisions/003-error-codes.md); the one exception filter turns them into
 * `{ statusCode, code, message, details?, requestId }`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Declares a feature's error codes once, with their status and default message. */
export function defineErrors<T extends Record<string, { status: number; message: string }>>(
  table: T,
): { [K in keyof T]: (message?: string, details?: unknown) => DomainError } {
  const out = {} as { [K in keyof T]: (message?: string, details?: unknown) => DomainError };
  for (const code of Object.keys(table) as (keyof T & string)[]) {
    const { status, message } = table[code];
    out[code] = (m?: string, details?: unknown) => new DomainError(code, status, m ?? message, details);
  }
  return out;
}
