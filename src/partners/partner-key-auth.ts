import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { IS_PUBLIC } from '../identity/public.decorator.js';
import { PARTNER_SCOPE } from './partner-caller.js';
import { PartnerKeyGuard } from './partner-key.guard.js';
import { API_KEY_SCHEME, type ApiKeyScope } from './partner-vocabulary.js';

/**
 * The one way to open a route to partner keys: it skips the JWT guard only together with the key
 * guard, so a route cannot end up with neither. A user's JWT never opens these routes. Not
 * @Public(): the OpenAPI document must say `partner-key`, not anonymous.
 */
export const PartnerKeyAuth = (scope: ApiKeyScope): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(PARTNER_SCOPE, scope), UseGuards(PartnerKeyGuard), ApiSecurity(API_KEY_SCHEME));
