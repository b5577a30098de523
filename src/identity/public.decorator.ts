import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'circuit:isPublic';

/** The OpenAPI marker src/openapi/openapi-document.ts turns into `security: []`. */
export const PUBLIC_EXTENSION = 'x-circuit-public';

/** Opens a route (or a whole controller) to anonymous callers; everything else needs a JWT. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true)) as MethodDecorator & ClassDecorator;
