import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiSecurity, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { IS_PUBLIC } from '../identity/public.decorator.js';
import { PARTNER_SCOPE } from './partner-caller.js';
import { PartnerKeyGuard } from './partner-key.guard.js';
import { API_KEY_SCHEME, type ApiKeyScope } from './partner-vocabulary.js';

/**
 * The one way to open a route to partner keys: it skips the JWT guard only together with the key
 * guard, so a route cannot end up with neither. A user's JWT never opens these routes. Not
 * @Public(): the OpenAPI document must say `partner-key`, not anonymous. The guard refuses a bad key
 * (401) and throttles each key (429) on every such route, so the document says so on each.
 */
export const PartnerKeyAuth = (scope: ApiKeyScope): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    SetMetadata(PARTNER_SCOPE, scope),
    UseGuards(PartnerKeyGuard),
    ApiSecurity(API_KEY_SCHEME),
    ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No key, or an unknown, revoked or expired one (API_KEY_INVALID).' }),
    ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED: over PARTNER_KEY_RATE_LIMIT_PER_MINUTE for this key.' }),
  );
