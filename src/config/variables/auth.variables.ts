import { Transform } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { DEV_JWT_SECRET } from '../config-checks.js';
import { blankToUndefined, toInt } from '../env-transforms.js';

/** Sessions, login throttling and the first admin. */
export class AuthVariables {
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

  /** Password of the first admin; the password rules apply (12+ characters, not obvious). */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;
}
