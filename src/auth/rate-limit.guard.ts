import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthThrottle } from '../credentials/auth-throttle.service.js';

/**
 * AUTH_RATE_LIMIT_PER_MINUTE requests per client IP and per route (register, login, refresh,
 * logout), counted in PostgreSQL so every instance shares the count (decision 016).
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(private readonly throttle: AuthThrottle) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { limit, remaining } = await this.throttle.hitRoute(`${context.getClass().name}.${context.getHandler().name}`, request.ip);
    void reply.header('x-ratelimit-limit', limit).header('x-ratelimit-remaining', remaining);
    return true;
  }
}
