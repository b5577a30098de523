import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { assertMemberOrStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { OrganisationsErrors } from '../organisations/organisations.errors.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { toMemberDto } from './user-view.js';
import { type MemberDto } from './dto/member.dto.js';
import { UsersErrors } from './users.errors.js';
import { UsersRepository } from './users.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';

/** Who belongs to an organisation, and the approval of people who joined an existing SIREN. */
@Injectable()
export class MembersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, organisationId: string): Promise<MemberDto[]> {
    assertMemberOrStaff(caller, organisationId);
    if (!(await this.organisations.findById(organisationId))) throw OrganisationsErrors.ORGANISATION_NOT_FOUND();
    return (await this.users.findLiveMembers(organisationId)).map(toMemberDto);
  }

  approve(caller: Caller, organisationId: string, userId: string): Promise<MemberDto> {
    return this.decide(caller, organisationId, userId, 'active');
  }

  reject(caller: Caller, organisationId: string, userId: string): Promise<MemberDto> {
    return this.decide(caller, organisationId, userId, 'rejected');
  }

  private async decide(caller: Caller, organisationId: string, userId: string, status: 'active' | 'rejected'): Promise<MemberDto> {
    assertMemberOrStaff(caller, organisationId);
    return this.transactions.run(async (manager) => {
      const user = await this.users.lockLiveById(manager, userId);
      if (!user || user.organisationId !== organisationId) throw UsersErrors.USER_NOT_FOUND();
      if (user.membershipStatus !== 'pending') throw UsersErrors.MEMBERSHIP_NOT_PENDING();
      const updated = await this.users.setMembershipStatus(manager, user, status);
      await this.audit.record(manager, caller, {
        action: status === 'active' ? 'membership.approve' : 'membership.reject',
        entityType: 'user',
        entityId: userId,
        before: { organisationId, membershipStatus: 'pending' },
        after: { organisationId, membershipStatus: status },
      });
      return toMemberDto(updated);
    });
  }
}
