import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsString, IsUrl, Max, Min } from 'class-validator';
import { toBoolean, toInt } from '../env-transforms.js';

/** The process: mode, HTTP listener, logs, public address and legal contact. */
export class ServerVariables {
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

  /** Public address of the app, for links in e-mails. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  APP_PUBLIC_URL = 'http://localhost:3000';

  /** Where people write to the publisher: shown on the legal notice, privacy and accessibility pages. */
  @IsEmail()
  CONTACT_EMAIL = 'contact@circuit-ia.example';
}
