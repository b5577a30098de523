import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { ConfigValidationError, crossChecks, describe, DEV_JWT_SECRET } from './config-checks.js';
import { blankToUndefined, toBoolean, toInt } from './env-transforms.js';

export { ConfigValidationError } from './config-checks.js';

export { DEV_JWT_SECRET } from './config-checks.js';

/**
 * Every environment variable the app reads, with its default and meaning. The README table and
 * `.env.example` mirror this class; `test/config.e2e-spec.ts` checks they stay in step.
 */
export class EnvironmentVariables {
  /** Runtime mode; `production` makes secrets mandatory. */
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** HTTP port of the API. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Interface the API listens on. */
  @IsString()
  HOST = '0.0.0.0';

  /** PostgreSQL server to use; when unset, an embedded PostgreSQL is started. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Data folder of the embedded PostgreSQL (kept across restarts). */
  @IsString()
  EMBEDDED_PG_DIR = './.data/postgres';

  /** Port of the embedded PostgreSQL. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Maximum connections in the database pool. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /** Apply pending migrations at start. */
  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Log format: auto (pretty in a development terminal, JSON elsewhere), pretty or json. */
  @IsIn(['auto', 'pretty', 'json'])
  LOG_FORMAT: 'auto' | 'pretty' | 'json' = 'auto';

  /** Comma-separated origins allowed by CORS; empty disables cross-origin requests. */
  @IsString()
  CORS_ORIGINS = '';

  /** Trust X-Forwarded-* headers (behind a reverse proxy or load balancer). */
  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  /** Serve the OpenAPI UI at /docs and the document at /docs/openapi.json. */
  @Transform(toBoolean)
  @IsBoolean()
  DOCS_ENABLED = true;

  /** Time given to in-flight requests on shutdown before the process exits anyway (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10000;

  /** Run the outbox worker in this process (delivers search and notification events). */
  @Transform(toBoolean)
  @IsBoolean()
  OUTBOX_WORKER_ENABLED = true;

  /** Pause between two outbox polls when the queue is empty (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 500;

  /** Events claimed per outbox batch. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBOX_BATCH_SIZE = 100;

  /** Run the introduction reminder job in this process (checks every 15 minutes). */
  @Transform(toBoolean)
  @IsBoolean()
  REMINDERS_ENABLED = true;

  /** Days a side may leave an introduction unanswered before it gets its one reminder. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REMINDER_DAYS = 5;

  /** How many of a newly published need's best matches are announced to their vendors (issue 18). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LEAD_ALERT_TOP_N = 15;

  /** Requests per minute allowed to each partner API key on the partner routes (decision 029). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PARTNER_KEY_RATE_LIMIT_PER_MINUTE = 120;

  /** Days a buyer has to claim a draft a partner brought before the invitation link expires. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  NEED_INVITATION_TTL_DAYS = 14;

  /** Consecutive failed deliveries after which a partner's webhook is switched off until the partner sets it again. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  PARTNER_WEBHOOK_DISABLE_AFTER = 10;

  /** Milliseconds a partner's webhook endpoint has to answer before the delivery counts as failed. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  PARTNER_WEBHOOK_TIMEOUT_MS = 5000;

  /** Accept http://127.0.0.1 and http://localhost webhook URLs (tests and local development only); HTTPS otherwise. */
  @Transform(toBoolean)
  @IsBoolean()
  PARTNER_WEBHOOK_ALLOW_LOOPBACK_HTTP = false;

  /** Run the lead digest job in this process (checks every 10 minutes; safe on several instances). */
  @Transform(toBoolean)
  @IsBoolean()
  LEAD_DIGESTS_ENABLED = true;

  /** Hour (Paris time, 0–23) from which the daily digest, and on Mondays the weekly one, goes out. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  LEAD_DIGEST_HOUR = 8;

  /** Run the evidence freshness job in this process (daily: warnings 30 days ahead, expired verifications downgraded). */
  @Transform(toBoolean)
  @IsBoolean()
  EVIDENCE_EXPIRY_ENABLED = true;

  /** Run the retention job in this process (daily erasure of old needs' free text). */
  @Transform(toBoolean)
  @IsBoolean()
  RETENTION_ENABLED = true;

  /** Months after a need is closed or rejected before its free text and its introductions' are erased. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(240)
  RETENTION_MONTHS = 36;

  /** SMTP server for e-mails (smtp:// or smtps:// URL); unset = e-mails only go to mail_log and the log. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of the platform's e-mails. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Circuit IA <no-reply@circuit-ia.local>';

  /** Where people write to the publisher: shown on the legal notice, privacy and accessibility pages. */
  @IsEmail()
  CONTACT_EMAIL = 'contact@circuit-ia.example';

  /** Public address of the app, for links in e-mails. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  APP_PUBLIC_URL = 'http://localhost:3000';

  /** Search backend; defaults to meilisearch when MEILI_URL is set, postgres otherwise. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsIn(['postgres', 'meilisearch'])
  SEARCH_BACKEND?: 'postgres' | 'meilisearch';

  /** Meilisearch server; when unset, search runs on PostgreSQL full-text search. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  MEILI_URL?: string;

  /** Meilisearch API key (admin-scoped key; never the master key in production). */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16)
  MEILI_API_KEY?: string;

  /** Timeout of each Meilisearch request (ms); an unreachable server then fails fast instead of hanging. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(10_000)
  MEILI_TIMEOUT_MS = 5000;

  /** Company registry search API (API Recherche d'entreprises); when unset, sign-up is filled by hand only. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  COMPANY_REGISTRY_URL?: string;

  /** Timeout of each company registry request (ms); past it, the form is filled by hand. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(10_000)
  COMPANY_REGISTRY_TIMEOUT_MS = 3000;

  /** Secret signing access tokens (HS256); required, at least 32 characters, in production. */
  @IsString()
  @MinLength(32)
  JWT_SECRET = DEV_JWT_SECRET;

  /** Lifetime of an access token (seconds). */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  /** Lifetime of a refresh token (days); each refresh rotates it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Seconds an instance may trust a session it found live; a revocation on another instance is seen after at most this. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  AUTH_SESSION_CACHE_SECONDS = 5;

  /** Requests per minute and per client IP on each /auth route (register, login, refresh, logout). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 10;

  /** Consecutive failed logins (same account and IP) after which each attempt waits 2, 4, 8… s (max 60). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_LOGIN_SLOWDOWN_AFTER = 3;

  /** Consecutive failed logins (same account and IP) that lock the pair out for AUTH_LOCKOUT_MINUTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_LOGIN_LOCKOUT_AFTER = 10;

  /** Consecutive failed logins on one account, from any IP, that lock the account out for AUTH_LOCKOUT_MINUTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_ACCOUNT_LOCKOUT_AFTER = 50;

  /** Length of a login lock-out (minutes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  AUTH_LOCKOUT_MINUTES = 15;

  /** E-mail of the first admin, created at boot when no admin exists (with ADMIN_PASSWORD). */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  /**
   * Load the demo data set at start when the database is empty. Unset: yes on the embedded
   * database, no on DATABASE_URL (set it to true to load it there too); false: never.
   */
  @Transform(({ value }) => toBoolean({ value: blankToUndefined({ value }) }))
  @IsOptional()
  @IsBoolean()
  DEMO_DATA?: boolean;

  /** Password of the first admin; the password rules apply (12+ characters, not obvious). */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;
}

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
