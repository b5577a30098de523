import { isActiveMemberOf, isStaff, requireActiveOrganisation } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { IntroductionFilter } from './introductions.repository.js';
import type { Actor } from './introduction-lifecycle.js';
import type { IntroductionEntity } from './introduction.entity.js';
import { IntroductionsErrors } from './introductions.errors.js';

/*
 * Who takes part in an introduction (DESIGN §8): curators and admins see all; approved members of
 * the vendor organisation are its vendor side, of the buyer organisation its buyer side. Anyone
 * else gets 404, as for an unknown id, so an introduction's existence does not leak.
 */

/** The caller's side in the introduction; 404 when the caller takes no part. */
export function viewerSide(caller: Caller, introduction: IntroductionEntity | null): Actor {
  if (!introduction) throw IntroductionsErrors.INTRODUCTION_NOT_FOUND();
  if (isStaff(caller)) return 'curator';
  if (caller.role === 'vendor' && isActiveMemberOf(caller, introduction.vendorOrganisationId)) return 'vendor';
  if (caller.role === 'buyer' && isActiveMemberOf(caller, introduction.buyerOrganisationId)) return 'buyer';
  throw IntroductionsErrors.INTRODUCTION_NOT_FOUND();
}

/** The list a caller may see: every introduction for staff, their organisation's side otherwise. */
export function visibleScope(caller: Caller): Pick<IntroductionFilter, 'vendorOrganisationId' | 'buyerOrganisationId'> {
  if (isStaff(caller)) return {};
  const organisationId = requireActiveOrganisation(caller);
  if (caller.role === 'vendor') return { vendorOrganisationId: organisationId };
  if (caller.role === 'buyer') return { buyerOrganisationId: organisationId };
  throw CommonErrors.FORBIDDEN();
}
