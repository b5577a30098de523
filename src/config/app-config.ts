import 'reflect-metadata';
import { IntersectionType } from '@nestjs/mapped-types';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { ConfigValidationError, crossChecks, describe } from './config-checks.js';
import { AuthVariables } from './variables/auth.variables.js';
import { DatabaseVariables } from './variables/database.variables.js';
import { JobVariables } from './variables/jobs.variables.js';
import { MailVariables } from './variables/mail.variables.js';
import { PartnerVariables } from './variables/partners.variables.js';
import { RegistryVariables } from './variables/registry.variables.js';
import { SearchVariables } from './variables/search.variables.js';
import { ServerVariables } from './variables/server.variables.js';

export { ConfigValidationError } from './config-checks.js';

export { DEV_JWT_SECRET } from './config-checks.js';

/**
 * Every environment variable the app reads, with its default and meaning, declared by job in
 * `variables/` and joined here (Nest's IntersectionType carries their validation, transforms and
 * defaults). The README table and `.env.example` mirror it; `env-docs.spec.ts` checks they stay in
 * step.
 */
export class EnvironmentVariables extends IntersectionType(
  ServerVariables,
  DatabaseVariables,
  JobVariables,
  PartnerVariables,
  MailVariables,
  SearchVariables,
  AuthVariables,
  RegistryVariables,
) {}

/**
 * Every declared variable, those without a default included: read from the class's validation
 * metadata (each property carries at least one decorator), so no list is kept by hand.
 */
export const DECLARED_VARIABLES: readonly string[] = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
      .map((m) => m.propertyName),
  ),
];

/** Variables without a default: absent from `new EnvironmentVariables()`. */
export const OPTIONAL_VARIABLES: readonly string[] = DECLARED_VARIABLES.filter((key) => !(key in new EnvironmentVariables()));

export type AppConfig = Readonly<EnvironmentVariables>;

/** Validates the environment; throws listing every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of DECLARED_VARIABLES) {
    if (env[key] !== undefined) raw[key] = env[key] as string;
  }
  const config = plainToInstance(EnvironmentVariables, raw);
  const problems = [...describe(validateSync(config, { skipMissingProperties: false })), ...crossChecks(config)];
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return Object.freeze(config);
}
