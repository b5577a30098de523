import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { assertMemberOrStaff, isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { toOrganisationDto } from './organisation-view.js';
import { type OrganisationDto } from './dto/organisation.dto.js';
import type { UpdateOrganisationDto } from './dto/organisation-input.dto.js';
import type { OrganisationEntity } from './organisation.entity.js';
import { checkOrganisationCoherence } from './organisation-rules.js';
import { carryConfirmations } from './establishments.js';
import { OrganisationsErrors } from './organisations.errors.js';
import { OrganisationsRepository, type OrganisationChanges } from './organisations.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';

/** The fields worth an audit trail; all are company data, none personal. */
const auditView = (o: OrganisationEntity): Record<string, unknown> => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = toOrganisationDto(o);
  return rest;
};

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly organisations: OrganisationsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(caller: Caller, organisationId: string): Promise<OrganisationDto> {
    assertMemberOrStaff(caller, organisationId);
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation) throw OrganisationsErrors.ORGANISATION_NOT_FOUND();
    return toOrganisationDto(organisation);
  }

  async update(caller: Caller, organisationId: string, dto: UpdateOrganisationDto): Promise<OrganisationDto> {
    assertMemberOrStaff(caller, organisationId);
    return this.transactions.run(async (manager) => {
      const organisation = await this.organisations.lockById(manager, organisationId);
      if (!organisation) throw OrganisationsErrors.ORGANISATION_NOT_FOUND();
      if (dto.version !== undefined && dto.version !== organisation.version) throw CommonErrors.STALE_VERSION();
      const { version: _version, ...changes } = dto;
      checkOrganisationCoherence(organisation, changes);
      const before = auditView(organisation);
      const establishments = changes.establishments && carryConfirmations(organisation.establishments, changes.establishments);
      const updated = await this.organisations.update(manager, organisation, {
        ...(changes as OrganisationChanges),
        ...(establishments ? { establishments } : {}),
      });
      await this.audit.record(manager, caller, {
        action: isStaff(caller) ? 'organisation.update_by_staff' : 'organisation.update',
        entityType: 'organisation',
        entityId: organisationId,
        before,
        after: auditView(updated),
      });
      return toOrganisationDto(updated);
    });
  }
}
