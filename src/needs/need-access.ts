import { isStaff, requireActiveOrganisation } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { NeedEntity } from './need.entity.js';
import { NeedsErrors } from './needs.errors.js';

/*
 * Who may see or act on a need (DESIGN §8). Another organisation's need answers 404, as an unknown
 * one does, so its existence does not leak. Vendors never reach needs through these routes.
 */

/** The organisation an approved buyer acts for; 403 for anyone else. */
export function requireBuyerOrganisation(caller: Caller): string {
  if (caller.role !== 'buyer') throw CommonErrors.FORBIDDEN('Only buyers post and edit needs.');
  return requireActiveOrganisation(caller);
}

/** Curators and admins see every need; an approved buyer, their organisation's. */
export function assertCanRead(caller: Caller, need: NeedEntity | null): asserts need is NeedEntity {
  if (isStaff(caller)) {
    if (!need) throw NeedsErrors.NEED_NOT_FOUND();
    return;
  }
  const organisationId = requireBuyerOrganisation(caller);
  if (!need || need.organisationId !== organisationId) throw NeedsErrors.NEED_NOT_FOUND();
}

/** Edit and submit: the buyer organisation only, never staff (curators adjust at publish). */
export function assertBuyerOwns(caller: Caller, need: NeedEntity | null): asserts need is NeedEntity {
  const organisationId = requireBuyerOrganisation(caller);
  if (!need || need.organisationId !== organisationId) throw NeedsErrors.NEED_NOT_FOUND();
}

/** Curator decisions: publish, request changes, reject. */
export function assertCurator(caller: Caller, need: NeedEntity | null): asserts need is NeedEntity {
  if (!isStaff(caller)) throw CommonErrors.FORBIDDEN('Only curators validate needs.');
  if (!need) throw NeedsErrors.NEED_NOT_FOUND();
}
