import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/caller.js';
import type { PartnerActing } from './partner-caller.js';
import { PartnersErrors } from './partners.errors.js';
import { PartnerMembersRepository } from './partner-members.repository.js';
import { PartnersRepository } from './partners.repository.js';

/** The 404 of the /partners/:partnerId routes, for the OpenAPI document. */
export const NOT_YOURS = "Not a partner this caller acts for (a partner-admin's other partners answer as unknown ones).";

/**
 * Who may act for a partner on the `/partners/:partnerId` routes (decision 029): a platform admin
 * for any partner, a partner-admin for their own only. Another partner answers 404, as a partner
 * that does not exist: a CCI's admin cannot even learn which ids are Bpifrance's.
 */
@Injectable()
export class PartnerAccess {
  constructor(
    private readonly partners: PartnersRepository,
    private readonly members: PartnerMembersRepository,
  ) {}

  async actingFor(caller: Caller, partnerId: string): Promise<PartnerActing> {
    const allowed =
      caller.role === 'admin'
        ? (await this.partners.findPartner(partnerId)) !== null
        : caller.role === 'partner' && (await this.members.memberPartnerId(caller.userId)) === partnerId;
    if (!allowed) throw PartnersErrors.PARTNER_NOT_FOUND();
    return { partnerId, actor: caller, trace: {} };
  }

  /** The partner a partner-admin acts for. */
  async ownPartnerId(caller: Caller): Promise<string> {
    const partnerId = caller.role === 'partner' ? await this.members.memberPartnerId(caller.userId) : null;
    if (!partnerId) throw PartnersErrors.PARTNER_NOT_FOUND();
    return partnerId;
  }
}
