import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyScope } from './partner-vocabulary.js';

/** Route metadata: the scope a partner key needs. */
export const PARTNER_SCOPE = 'circuit:partnerScope';

/** A partner API key as services see it: the key, its partner, and the request for the audit log. */
export interface PartnerCaller {
  keyId: string;
  partnerId: string;
  scopes: ApiKeyScope[];
  requestId: string;
}

export type RequestWithPartner = FastifyRequest & { partnerKey?: Omit<PartnerCaller, 'requestId'> };

/** Injects the key the PartnerKeyGuard authenticated, with the Fastify request id. */
export const CurrentPartner = createParamDecorator((_data: unknown, context: ExecutionContext): PartnerCaller => {
  const request = context.switchToHttp().getRequest<RequestWithPartner>();
  if (!request.partnerKey) throw new Error('CurrentPartner used on a route without PartnerKeyAuth');
  return { ...request.partnerKey, requestId: String(request.id) };
});
