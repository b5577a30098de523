import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { Caller } from '../identity/caller.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { UsersRepository } from '../users/users.repository.js';
import { hashSecret } from './api-key-secret.js';
import type { ClaimedNeedDto, InvitationPreviewDto } from './dto/invitation.dto.js';
import { PartnersErrors } from './partners.errors.js';
import { PartnersRepository, type InvitationRow } from './partners.repository.js';

/** 404 unknown, 409 used, 410 replaced by a resent link or expired: the link's owner learns what to do next. */
function assertUsable(invitation: InvitationRow | null, now = Date.now()): asserts invitation is InvitationRow {
  if (!invitation) throw PartnersErrors.INVITATION_NOT_FOUND();
  if (invitation.claimedAt) throw PartnersErrors.INVITATION_USED();
  if (invitation.replacedAt) throw PartnersErrors.INVITATION_REPLACED();
  if (invitation.expiresAt.getTime() <= now) throw PartnersErrors.INVITATION_EXPIRED();
}

/**
 * The buyer's side of a partner's draft (decision 029): the link shows what was prepared and by
 * whom; a signed-in buyer of that company claims it once, then reviews and submits it through the
 * ordinary need routes. Claiming does not submit: consent is the buyer's own POST /needs/:id/submit.
 */
@Injectable()
export class NeedInvitationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly partners: PartnersRepository,
    private readonly needs: NeedsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.partners.invitationPreview(hashSecret(token));
    assertUsable(invitation);
    return {
      partnerName: invitation.partnerName,
      title: invitation.title,
      organisationName: invitation.organisationName,
      siren: invitation.siren,
      expiresAt: invitation.expiresAt,
    };
  }

  /**
   * The token is single-use (locked, then marked). A pending member invited by this very e-mail,
   * in a company with no active member yet (one the partner created), becomes its first member:
   * the link proves the mailbox, as a registration's first member is trusted for a new SIREN.
   */
  async claim(caller: Caller, token: string): Promise<ClaimedNeedDto> {
    return this.transactions.run(async (manager) => {
      const invitation = await this.partners.findInvitationByHash(hashSecret(token), manager, true);
      assertUsable(invitation);
      const need = await this.needs.findById(invitation.needId, manager);
      if (!need) throw PartnersErrors.INVITATION_NOT_FOUND();
      if (caller.organisationId !== need.organisationId) throw PartnersErrors.INVITATION_OTHER_ORGANISATION();
      let membershipActivated = false;
      if (caller.membershipStatus !== 'active') {
        const user = await this.users.lockLiveById(manager, caller.userId);
        const firstMember = (await this.partners.countActiveMembers(manager, need.organisationId)) === 0;
        if (!user || user.email !== invitation.email || !firstMember || caller.membershipStatus !== 'pending') {
          throw CommonErrors.FORBIDDEN('Your membership of this company is not active yet: a member or a curator must approve it first.');
        }
        await this.users.setMembershipStatus(manager, user, 'active');
        membershipActivated = true;
      }
      await this.partners.markClaimed(manager, invitation.id, caller.userId);
      const claimed = await this.partners.setNeedAuthorIfUnset(manager, need.id, caller.userId);
      await this.audit.record(manager, caller, {
        action: 'need_invitation.claim',
        entityType: 'need',
        entityId: need.id,
        after: { invitationId: invitation.id, partnerId: need.partnerId, membershipActivated, needIds: claimed },
      });
      return { needId: need.id, needIds: [...new Set([need.id, ...claimed])], status: need.status, membershipActivated };
    });
  }
}
