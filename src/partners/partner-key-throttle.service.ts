import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { CommonErrors } from '../common/errors/common.errors.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';

export const EMBED_FORM_PER_HOUR = 10;

/**
 * PARTNER_KEY_RATE_LIMIT_PER_MINUTE requests per API key, counted in the same PostgreSQL table as
 * the auth limits (decision 016), so every instance shares the count. Per key, not per IP: a
 * partner's servers may sit behind one address or many.
 */
@Injectable()
export class PartnerKeyThrottle implements OnModuleInit {
  private limiter!: RateLimiterPostgres;
  private embed!: RateLimiterPostgres;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig('partners') private readonly config: ConfigSlices['partners'],
  ) {}

  onModuleInit(): void {
    this.limiter = new RateLimiterPostgres({
      storeClient: (this.dataSource.driver as unknown as { master: Pool }).master,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: 'partner-key',
      points: this.config.keyRateLimitPerMinute,
      duration: 60,
    });
    // The embedded form is anonymous: EMBED_FORM_PER_HOUR posts per IP keep it from mailing strangers in bulk.
    this.embed = new RateLimiterPostgres({
      storeClient: (this.dataSource.driver as unknown as { master: Pool }).master,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: 'embed-form',
      points: EMBED_FORM_PER_HOUR,
      duration: 3600,
    });
  }

  /** Counts one post of the embedded form from this IP; throws 429 past EMBED_FORM_PER_HOUR. */
  async hitEmbed(ip: string): Promise<void> {
    try {
      await this.embed.consume(ip);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw Object.assign(CommonErrors.RATE_LIMITED(), { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) });
    }
  }

  /** Counts one request; returns the headers' figures, or throws 429 with Retry-After. */
  async hit(keyId: string): Promise<{ limit: number; remaining: number }> {
    const limit = this.config.keyRateLimitPerMinute;
    try {
      return { limit, remaining: (await this.limiter.consume(keyId)).remainingPoints };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw Object.assign(CommonErrors.RATE_LIMITED(), { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) });
    }
  }
}
