import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { CommonErrors } from '../common/errors/common.errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import { IS_PUBLIC } from '../identity/public.decorator.js';

/** Global: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error instanceof DomainError) throw error;
    // A strategy error is not a bad token (those come as `info`): the database failing to read the
    // user must surface as 503 through the exception filter, not as a misleading 401.
    if (error) throw error;
    if (!user) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      throw CommonErrors.UNAUTHENTICATED(expired ? 'The access token has expired; refresh it.' : undefined);
    }
    return user;
  }
}
