import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit/audit.service.js';
import { PARTNER_KEY_ACTOR_ROLE, type ApiKeyScope } from './partner-vocabulary.js';

/** Route metadata: the scope a partner key needs. */
export const PARTNER_SCOPE = 'circuit:partnerScope';

/**
 * Whoever acts for a partner, as services see it: its API key, one of its partner-admins, or a
 * platform admin. `actor` goes to the audit log; `trace` says which key, when it was one.
 */
export interface PartnerActing {
  partnerId: string;
  actor: AuditActor;
  trace: Record<string, unknown>;
}

/** A partner API key: the key, its partner, and the request for the audit log. */
export interface PartnerCaller extends PartnerActing {
  keyId: string;
  scopes: ApiKeyScope[];
  requestId: string;
}

export type RequestWithPartner = FastifyRequest & { partnerKey?: Pick<PartnerCaller, 'keyId' | 'partnerId' | 'scopes'> };

/** Injects the key the PartnerKeyGuard authenticated, with the Fastify request id. */
export const CurrentPartner = createParamDecorator((_data: unknown, context: ExecutionContext): PartnerCaller => {
  const request = context.switchToHttp().getRequest<RequestWithPartner>();
  if (!request.partnerKey) throw new Error('CurrentPartner used on a route without PartnerKeyAuth');
  const { keyId, partnerId, scopes } = request.partnerKey;
  const requestId = String(request.id);
  return { keyId, partnerId, scopes, requestId, actor: { userId: keyId, role: PARTNER_KEY_ACTOR_ROLE, requestId }, trace: { keyId } };
});
