import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'circuit:isPublic';

/** Opens a route (or a whole controller) to anonymous callers; everything else needs a JWT. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
