import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { MembershipStatus, Role } from './roles.js';

/** The authenticated user as services see it; every service method takes it first. */
export interface Caller {
  userId: string;
  role: Role;
  organisationId: string | null;
  membershipStatus: MembershipStatus | null;
  /** For pages to remind the person; rules read it from the database (VerifiedEmailGate). */
  emailVerified?: boolean;
  requestId: string;
}

/** What the JWT strategy loads for a valid token; the request id is added per request. */
export type AuthenticatedUser = Omit<Caller, 'requestId'>;

/** Injects the authenticated caller (set by the global JWT guard) with the Fastify request id. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
  if (!request.user) throw new Error('CurrentCaller used on a route without authentication');
  return { ...request.user, requestId: String(request.id) };
});
