import { CommonErrors } from '../common/errors/common.errors.js';
import type { Caller } from './caller.js';

/** Curators and admins act on every organisation (DESIGN §8). */
export function isStaff(caller: Pick<Caller, 'role'>): boolean {
  return caller.role === 'curator' || caller.role === 'admin';
}

/** True when the caller is an approved member of the organisation. */
export function isActiveMemberOf(caller: Pick<Caller, 'organisationId' | 'membershipStatus'>, organisationId: string): boolean {
  return caller.organisationId === organisationId && caller.membershipStatus === 'active';
}

/** Throws 403 unless the caller is an approved member of the organisation. */
export function assertMemberOf(caller: Caller, organisationId: string): void {
  if (!isActiveMemberOf(caller, organisationId)) throw CommonErrors.FORBIDDEN();
}

/** Throws 403 unless the caller is an approved member of the organisation, a curator or an admin. */
export function assertMemberOrStaff(caller: Caller, organisationId: string): void {
  if (!isStaff(caller) && !isActiveMemberOf(caller, organisationId)) throw CommonErrors.FORBIDDEN();
}

/** The caller's own organisation, once approved: for routes acting "as my organisation". */
export function requireActiveOrganisation(caller: Caller): string {
  if (!caller.organisationId || caller.membershipStatus !== 'active') {
    throw CommonErrors.FORBIDDEN('Your organisation membership is not active yet.');
  }
  return caller.organisationId;
}
