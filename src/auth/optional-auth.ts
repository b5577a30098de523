import { createParamDecorator, Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { CommonErrors } from '../common/errors/common.errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AuthenticatedUser, Caller } from '../identity/caller.js';

/**
 * For @Public() routes that show more to some callers (an owner sees its drafts): authenticates
 * when a bearer token is sent, lets anonymous callers through otherwise. A bad token is still 401,
 * so a client never silently gets the anonymous view by mistake.
 */
@Injectable()
export class OptionalJwtAuthGuard extends AuthGuard('jwt') {
  override canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return request.headers.authorization ? super.canActivate(context) : true;
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error instanceof DomainError) throw error;
    if (error || !user) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      throw CommonErrors.UNAUTHENTICATED(expired ? 'The access token has expired; refresh it.' : undefined);
    }
    return user;
  }
}

/** The caller on a route guarded by OptionalJwtAuthGuard, or null when anonymous. */
export const OptionalCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller | null => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
  return request.user ? { ...request.user, requestId: String(request.id) } : null;
});
