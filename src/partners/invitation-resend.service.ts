import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { generateInvitationToken } from './api-key-secret.js';
import type { InvitationResentDto } from './dto/invitation.dto.js';
import { InvitationMailer } from './invitation-mailer.js';
import type { PartnerActing } from './partner-caller.js';
import { PartnersErrors } from './partners.errors.js';
import { PartnersRepository } from './partners.repository.js';

const DAY_MS = 86_400_000;
/** A buyer who lost the e-mail gets a new one; the contact's mailbox is not flooded. */
export const RESEND_INTERVAL_MS = 5 * 60_000;
export const RESENDS_PER_DAY = 5;

/**
 * Sends a partner's draft invitation again (decision 029): a new token, to the address the partner
 * first gave, and every earlier link of the need (or of its diagnostic) stops working. Once the
 * buyer claimed the draft there is nothing to resend.
 */
@Injectable()
export class InvitationResendService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly partners: PartnersRepository,
    private readonly audit: AuditService,
    private readonly mailer: InvitationMailer,
    @InjectConfig('partners') private readonly config: ConfigSlices['partners'],
  ) {}

  async resend(partner: PartnerActing, needId: string): Promise<InvitationResentDto> {
    const { token, hash } = generateInvitationToken();
    const expiresAt = new Date(Date.now() + this.config.invitationTtlDays * DAY_MS);
    const sent = await this.transactions.run(async (manager) => {
      const need = await this.partners.lockResendable(manager, partner.partnerId, needId);
      if (!need) throw PartnersErrors.PARTNER_NEED_NOT_FOUND();
      if (need.claimed || need.status !== 'draft' || !need.email || !need.invitationNeedId)
        throw PartnersErrors.INVITATION_NOT_RESENDABLE();
      const sinceLast = need.lastSentAt ? Date.now() - new Date(need.lastSentAt).getTime() : Infinity;
      if (sinceLast < RESEND_INTERVAL_MS || need.sentToday >= RESENDS_PER_DAY) {
        const wait = sinceLast < RESEND_INTERVAL_MS ? RESEND_INTERVAL_MS - sinceLast : DAY_MS / 24;
        throw Object.assign(CommonErrors.RATE_LIMITED('An invitation for this need was sent recently; try again later.'), {
          retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
        });
      }
      await this.partners.replaceInvitations(manager, need.invitationNeedId);
      const invitationId = await this.partners.insertInvitation(manager, {
        needId: need.invitationNeedId,
        email: need.email,
        tokenHash: hash,
        expiresAt,
      });
      await this.audit.record(manager, partner.actor, {
        action: 'need_invitation.resend',
        entityType: 'need',
        entityId: need.needId,
        after: { partnerId: partner.partnerId, invitationId, ...partner.trace },
      });
      return { ...need, invitationId, email: need.email, invitationNeedId: need.invitationNeedId };
    });
    await this.mailer.send({
      id: sent.invitationId,
      to: sent.email,
      token,
      partnerName: sent.partnerName,
      title: sent.title,
      organisationName: sent.organisationName,
      expiresAt,
    });
    return { needId: sent.invitationNeedId, sentTo: sent.email, expiresAt };
  }
}
