import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { Role } from '../identity/roles.js';
import type { AuthenticatedUser } from '../identity/caller.js';
import { ROLES_KEY } from '../identity/roles.decorator.js';

/** Global, after the JWT guard: enforces @Roles(...) where present. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (!user) throw CommonErrors.UNAUTHENTICATED();
    if (!roles.includes(user.role)) throw CommonErrors.FORBIDDEN();
    return true;
  }
}
