import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertMemberOrStaff, isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { withinTransaction } from '../persistence/transactions.js';
import { toOrganisationDto } from './organisation-view.js';
import { type OrganisationDto } from './dto/organisation.dto.js';
import type { UpdateOrganisationDto } from './dto/organisation-input.dto.js';
import type { OrganisationEntity } from './organisation.entity.js';
import { OrganisationsErrors } from './organisations.errors.js';
import { OrganisationsRepository, type OrganisationChanges } from './organisations.repository.js';

/** The fields worth an audit trail; all are company data, none personal. */
const auditView = (o: OrganisationEntity): Record<string, unknown> => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = toOrganisationDto(o);
  return rest;
};

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(caller: Caller, organisationId: string): Promise<OrganisationDto> {
    assertMemberOrStaff(caller, organisationId);
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation) throw OrganisationsErrors.ORGANISATION_NOT_FOUND();
    return toOrganisationDto(organisation);
  }

  /** `within`: an outer transaction to join, so that a caller can commit this with other writes. */
  async update(caller: Caller, organisationId: string, dto: UpdateOrganisationDto, within?: EntityManager): Promise<OrganisationDto> {
    assertMemberOrStaff(caller, organisationId);
    return withinTransaction(this.dataSource, within, async (manager) => {
      const organisation = await this.organisations.lockById(manager, organisationId);
      if (!organisation) throw OrganisationsErrors.ORGANISATION_NOT_FOUND();
      if (dto.version !== undefined && dto.version !== organisation.version) throw CommonErrors.STALE_VERSION();
      const { version: _version, ...changes } = dto;
      checkCoherence(organisation, changes);
      const before = auditView(organisation);
      const updated = await this.organisations.update(manager, organisation, changes as OrganisationChanges);
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

/** Rules across fields that the DTO alone cannot see. */
function checkCoherence(organisation: OrganisationEntity, changes: Omit<UpdateOrganisationDto, 'version'>): void {
  const problems: { field: string; messages: string[] }[] = [];
  if (changes.buyerType !== undefined && organisation.kind !== 'buyer') {
    problems.push({ field: 'buyerType', messages: ['buyerType applies to buyer organisations only'] });
  }
  if (changes.siret !== undefined && !changes.siret.startsWith(organisation.siren)) {
    problems.push({ field: 'siret', messages: ['siret must start with the organisation SIREN'] });
  }
  (changes.establishments ?? []).forEach((e, i) => {
    if (!e.siret.startsWith(organisation.siren)) problems.push({ field: `establishments[${i}].siret`, messages: ['siret must start with the organisation SIREN'] });
  });
  if (problems.length > 0) throw CommonErrors.VALIDATION_FAILED(undefined, problems);
}
