import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { pageOf, pageWindow, type Page } from '../common/pagination.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import type { CreateNeedDto, UpdateNeedDto } from './dto/need-input.dto.js';
import type { NeedSource } from './need.entity.js';
import type { ListNeedsQueryDto, NeedSortField } from './dto/need-query.dto.js';
import { toNeedDto, type NeedDto } from './dto/need.dto.js';
import { assertBuyerOwns, assertCanRead, requireBuyerOrganisation } from './need-access.js';
import { assertCoherent, auditView, changesFromInput } from './need-fields.js';
import { isEditable } from './need-lifecycle.js';
import { NeedsErrors } from './needs.errors.js';
import { NeedsRepository, type NeedFilter, type NeedSort } from './needs.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';

/** Posting, editing and reading needs; state changes are in NeedTransitionsService. */
@Injectable()
export class NeedsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly needs: NeedsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** A draft; sector and commune default to the buyer organisation's NAF code and head office. */
  /** `source`: where the need came from, for the indicators ('event' for a business-meetings registration). */
  async create(caller: Caller, dto: CreateNeedDto, outer?: EntityManager, source: NeedSource = 'direct'): Promise<NeedDto> {
    const organisationId = requireBuyerOrganisation(caller);
    const organisation = await this.organisations.findById(organisationId, outer);
    if (!organisation || organisation.kind !== 'buyer') throw CommonErrors.FORBIDDEN('Only buyer organisations post needs.');
    const changes = changesFromInput({ sector: organisation.nafCode, communeCode: organisation.communeCode, ...dto });
    assertCoherent({ minBudgetEur: null, maxBudgetEur: null, desiredStart: null, deadline: null, ...changes });
    // Joins the caller's transaction when given: a business-meetings registration creates its need with it.
    return this.transactions.within(outer, async (manager) => {
      const need = await this.needs.insert(manager, { ...changes, title: dto.title, organisationId, createdBy: caller.userId, source });
      await this.audit.record(manager, caller, { action: 'need.create', entityType: 'need', entityId: need.id, after: auditView(need) });
      return toNeedDto(need);
    });
  }

  /** Only in draft or changes_requested (409 NEED_NOT_EDITABLE), and only from the current version (409 STALE_VERSION). */
  async update(caller: Caller, needId: string, dto: UpdateNeedDto): Promise<NeedDto> {
    return this.transactions.run(async (manager) => {
      const need = await this.needs.findById(needId, manager);
      assertBuyerOwns(caller, need);
      if (!isEditable(need.status)) {
        throw NeedsErrors.NEED_NOT_EDITABLE(`A ${need.status} need cannot be edited.`, {
          status: need.status,
          editableIn: ['draft', 'changes_requested'],
        });
      }
      if (dto.version !== need.version) throw CommonErrors.STALE_VERSION(undefined, { currentVersion: need.version });
      const changes = changesFromInput(dto);
      assertCoherent({ ...need, ...changes });
      const updated = await this.needs.updateIfVersion(manager, needId, need.version, changes);
      if (!updated) throw CommonErrors.STALE_VERSION();
      await this.audit.record(manager, caller, {
        action: 'need.update',
        entityType: 'need',
        entityId: needId,
        before: auditView(need),
        after: auditView(updated),
      });
      return toNeedDto(updated);
    });
  }

  async get(caller: Caller, needId: string): Promise<NeedDto> {
    const need = await this.needs.findById(needId);
    assertCanRead(caller, need);
    return toNeedDto(need);
  }

  /** Buyers list their organisation's needs; curators and admins all of them, with filters. */
  async list(caller: Caller, query: ListNeedsQueryDto): Promise<Page<NeedDto>> {
    const filter: NeedFilter = {
      status: query.status,
      regionCode: query.region,
      departementCode: query.departement,
      useCase: query.useCase,
      createdFrom: query.createdFrom ? new Date(query.createdFrom) : undefined,
      createdTo: query.createdTo ? new Date(query.createdTo) : undefined,
    };
    if (!isStaff(caller)) filter.organisationId = requireBuyerOrganisation(caller);
    const { rows, total } = await this.needs.list(filter, parseSort(query), pageWindow(query));
    const now = new Date();
    return pageOf(
      rows.map((n) => toNeedDto(n, now)),
      total,
      query,
    );
  }
}

/** `-createdAt` → createdAt descending; the curator queue (status=submitted) defaults to oldest submission first. */
function parseSort(query: ListNeedsQueryDto): NeedSort {
  const sort = query.sort ?? (query.status === 'submitted' ? 'submittedAt' : '-createdAt');
  const descending = sort.startsWith('-');
  return { field: (descending ? sort.slice(1) : sort) as NeedSortField, direction: descending ? 'DESC' : 'ASC' };
}
