import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { apiKeyPrefix, hashSecret } from './api-key-secret.js';
import { PARTNER_SCOPE, type RequestWithPartner } from './partner-caller.js';
import { PartnerKeyThrottle } from './partner-key-throttle.service.js';
import { API_KEY_HEADER, type ApiKeyScope } from './partner-vocabulary.js';
import { PartnersErrors } from './partners.errors.js';
import { PartnersRepository } from './partners.repository.js';

/**
 * Authenticates a partner API key from X-Api-Key: unknown, revoked and expired keys all answer 401
 * API_KEY_INVALID (a known key is told which); a live key without the route's scope gets 403. Then
 * the per-key rate limit, and the key's last use.
 */
@Injectable()
export class PartnerKeyGuard implements CanActivate {
  private readonly logger = new Logger(PartnerKeyGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly partners: PartnersRepository,
    private readonly throttle: PartnerKeyThrottle,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const scope = this.reflector.getAllAndOverride<ApiKeyScope | undefined>(PARTNER_SCOPE, [context.getHandler(), context.getClass()]);
    if (!scope) throw new Error('PartnerKeyGuard used without PartnerKeyAuth(scope)');
    const request = context.switchToHttp().getRequest<RequestWithPartner>();
    const raw = request.headers[API_KEY_HEADER];
    const candidate = typeof raw === 'string' ? raw.trim() : '';
    if (!apiKeyPrefix(candidate)) throw PartnersErrors.API_KEY_INVALID();
    const key = await this.partners.findKeyByHash(hashSecret(candidate));
    if (!key) throw PartnersErrors.API_KEY_INVALID();
    if (key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) {
      this.logger.warn(`API key ${key.prefix} refused: ${key.revokedAt ? 'revoked' : 'expired'}`);
      throw PartnersErrors.API_KEY_INVALID(`This API key is ${key.revokedAt ? 'revoked' : 'expired'}.`);
    }
    if (!key.scopes.includes(scope)) throw PartnersErrors.API_KEY_SCOPE_MISSING(undefined, { required: scope, granted: key.scopes });
    const { limit, remaining } = await this.throttle.hit(key.id);
    void context.switchToHttp().getResponse<FastifyReply>().header('x-ratelimit-limit', limit).header('x-ratelimit-remaining', remaining);
    await this.partners.touchKey(key.id);
    request.partnerKey = { keyId: key.id, partnerId: key.partnerId, scopes: key.scopes };
    return true;
  }
}
