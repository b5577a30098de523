import type { ValidationError } from 'class-validator';

/**
 * Marks JWT_SECRET as unset: loadConfig refuses it in production, and src/auth/jwt-secret.ts replaces
 * it with a random secret of the data folder in development. Only tests sign with it.
 */
export const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-do-not-use-in-production';

/** The variables the cross-checks read. */
interface CrossChecked {
  NODE_ENV: string;
  JWT_SECRET: string;
  SEARCH_BACKEND?: string;
  MEILI_URL?: string;
  ADMIN_EMAIL?: string;
  ADMIN_PASSWORD?: string;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

export const describe = (errors: ValidationError[]): string[] =>
  errors.flatMap((e) => Object.values(e.constraints ?? {}).map((message) => `${e.property}: ${message}`));

/** Rules that span several variables or depend on the runtime mode. */
export function crossChecks(config: CrossChecked): string[] {
  const problems: string[] = [];
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === DEV_JWT_SECRET) {
    problems.push('JWT_SECRET: must be set to a secret of at least 32 characters when NODE_ENV=production');
  }
  if (config.SEARCH_BACKEND === 'meilisearch' && !config.MEILI_URL) problems.push('SEARCH_BACKEND: meilisearch needs MEILI_URL');
  if ((config.ADMIN_EMAIL === undefined) !== (config.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_EMAIL: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  return problems;
}
