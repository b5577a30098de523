import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 50_000;

/**
 * Fixed one-minute window per client IP and per route, AUTH_RATE_LIMIT_PER_MINUTE requests each.
 * In memory, per instance: see docs/decisions/006-accounts-and-auth.md for why not @nestjs/throttler.
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const now = Date.now();
    const key = `${context.getClass().name}.${context.getHandler().name}|${request.ip}`;
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size >= MAX_TRACKED) this.forgetExpired(now);
      window = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(key, window);
    }
    window.count += 1;
    const limit = this.config.AUTH_RATE_LIMIT_PER_MINUTE;
    void reply.header('x-ratelimit-limit', limit).header('x-ratelimit-remaining', Math.max(0, limit - window.count));
    if (window.count > limit) {
      void reply.header('retry-after', Math.ceil((window.resetAt - now) / 1000));
      throw CommonErrors.RATE_LIMITED();
    }
    return true;
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full (a flood from many addresses): start over rather than grow without bound.
    if (this.windows.size >= MAX_TRACKED) this.windows.clear();
  }
}
