import { createHash } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { CommonErrors } from '../common/errors/common.errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { AuthErrors } from './auth.errors.js';

const TABLE = 'rate_limit';
const DAY_S = 86_400;
const MAX_WAIT_S = 60;

/** A 429 that says when to come back: the exception filter sends `retryAfterSeconds` as `Retry-After`. */
const withRetryAfter = (error: DomainError, ms: number): DomainError =>
  Object.assign(error, { retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) });

/**
 * Login throttling and per-IP route limits in PostgreSQL (rate-limiter-flexible), so every
 * instance shares them (decision 016). Failed logins count per e-mail typed (hashed) and IP, and
 * per e-mail from any IP; a success clears them. Past AUTH_LOGIN_SLOWDOWN_AFTER, each attempt
 * must wait 2^n s; past the lock-out thresholds the pair or the account is refused for a while.
 */
@Injectable()
export class AuthThrottle implements OnModuleInit {
  private perRoute!: RateLimiterPostgres;
  private failsByAccountAndIp!: RateLimiterPostgres;
  private failsByAccount!: RateLimiterPostgres;
  private wait!: RateLimiterPostgres;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig('auth') private readonly config: ConfigSlices['auth'],
  ) {}

  onModuleInit(): void {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const limiter = (keyPrefix: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: TABLE,
        tableCreated: true,
        keyPrefix,
        points,
        duration,
        blockDuration,
      });
    const lockout = this.config.lockoutMinutes * 60;
    this.perRoute = limiter('route', this.config.rateLimitPerMinute, 60);
    this.failsByAccountAndIp = limiter('fail-ip', this.config.loginLockoutAfter - 1, DAY_S, lockout);
    this.failsByAccount = limiter('fail-acct', this.config.accountLockoutAfter - 1, DAY_S, lockout);
    this.wait = limiter('wait', 0, MAX_WAIT_S);
  }

  /** AUTH_RATE_LIMIT_PER_MINUTE requests per route and IP; returns the headers to set, or throws 429. */
  async hitRoute(route: string, ip: string): Promise<{ limit: number; remaining: number }> {
    const limit = this.config.rateLimitPerMinute;
    try {
      const res = await this.perRoute.consume(`${route}|${ip}`);
      return { limit, remaining: res.remainingPoints };
    } catch (error) {
      if (error instanceof RateLimiterRes) throw withRetryAfter(CommonErrors.RATE_LIMITED(), error.msBeforeNext);
      throw error;
    }
  }

  /**
   * Runs `verify` (the password check) unless this e-mail and IP are slowed down or locked out. A
   * failure is `verify` throwing `failsOn`: a wrong password at sign-in, or the wrong current
   * password when changing it (PATCH /me), counted against the same account, so a stolen session
   * cannot guess the password around the sign-in lock-out.
   */
  async attempt<T>(email: string, ip: string | undefined, verify: () => Promise<T>, failsOn = 'INVALID_CREDENTIALS'): Promise<T> {
    const account = createHash('sha256').update(email).digest('hex');
    const pair = `${account}|${ip ?? 'unknown'}`;
    const [byPair, byAccount, waiting] = await Promise.all([
      this.failsByAccountAndIp.get(pair),
      this.failsByAccount.get(account),
      this.wait.get(pair),
    ]);
    for (const [res, limiter] of [
      [byPair, this.failsByAccountAndIp],
      [byAccount, this.failsByAccount],
      [waiting, this.wait],
    ] as const) {
      if (res && res.consumedPoints > limiter.points) throw withRetryAfter(AuthErrors.LOGIN_THROTTLED(), res.msBeforeNext);
    }
    let result: T;
    try {
      result = await verify();
    } catch (error) {
      if (error instanceof DomainError && error.code === failsOn) await this.failed(account, pair);
      throw error;
    }
    await Promise.all([this.failsByAccountAndIp.delete(pair), this.failsByAccount.delete(account), this.wait.delete(pair)]);
    return result;
  }

  private async failed(account: string, pair: string): Promise<void> {
    const [byPair] = await Promise.all([consumed(this.failsByAccountAndIp, pair), consumed(this.failsByAccount, account)]);
    const beyond = byPair - this.config.loginSlowdownAfter;
    if (beyond >= 0) await this.wait.block(pair, Math.min(2 ** (beyond + 1), MAX_WAIT_S));
  }
}

/** Consumes a point and returns the count; going over the limit (the lock-out) is not an error here. */
async function consumed(limiter: RateLimiterPostgres, key: string): Promise<number> {
  try {
    return (await limiter.consume(key)).consumedPoints;
  } catch (error) {
    if (error instanceof RateLimiterRes) return error.consumedPoints;
    throw error;
  }
}
