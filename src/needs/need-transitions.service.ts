import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { LEADS_FOR_NEED } from '../outbox/lead-topics.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { PARTNER_NEED_STATUS } from '../outbox/partner-topics.js';
import { HARD_REQUIREMENT_LABELS } from '../reference/sovereignty/sovereignty.labels.js';
import type { DataSensitivity } from '../reference/sovereignty/sovereignty.enums.js';
import type { CloseNeedDto, NeedTransitionDto, PublishNeedDto, RejectNeedDto, RequestNeedChangesDto } from './dto/need-actions.dto.js';
import { toNeedDto, type NeedDto } from './dto/need.dto.js';
import { assertBuyerOwns, assertCanRead, assertCurator } from './need-access.js';
import { assertTransition, eventTopic, type NeedAction } from './need-lifecycle.js';
import { missingCompulsoryRequirements, missingForSubmission } from './need-requirements.js';
import type { NeedEntity } from './need.entity.js';
import { NeedsErrors } from './needs.errors.js';
import { NeedsRepository, type NeedChanges } from './needs.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { VerifiedEmailGate } from '../account-links/verified-email.gate.js';

interface TransitionPlan {
  /** Who may act: throws 403/404 otherwise. */
  authorise: (caller: Caller, need: NeedEntity | null) => asserts need is NeedEntity;
  /** Checks beyond the state machine, on the need as stored. */
  precheck?: (need: NeedEntity) => void;
  changes: (need: NeedEntity, now: Date) => NeedChanges;
  /** Fields worth a before/after in the audit log besides the status. */
  audited?: (need: Pick<NeedEntity, 'useCases' | 'sector'>) => Record<string, unknown>;
}

/**
 * The need lifecycle (DESIGN §4). Each transition, its audit event and its outbox event are
 * written in one transaction, guarded by the version read: of two curators acting at once, one
 * wins and the other gets 409.
 */
@Injectable()
export class NeedTransitionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly needs: NeedsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
    private readonly verifiedEmail: VerifiedEmailGate,
  ) {}

  async submit(caller: Caller, needId: string, dto: NeedTransitionDto): Promise<NeedDto> {
    await this.verifiedEmail.assert(caller);
    return this.transition(caller, needId, 'submit', dto.version, {
      authorise: assertBuyerOwns,
      precheck: assertSubmittable,
      changes: (_need, now) => ({ submittedAt: now }),
    });
  }

  publish(caller: Caller, needId: string, dto: PublishNeedDto): Promise<NeedDto> {
    return this.transition(caller, needId, 'publish', dto.version, {
      authorise: assertCurator,
      changes: (_need, now) => ({
        publishedAt: now,
        ...(dto.useCases !== undefined ? { useCases: dto.useCases } : {}),
        ...(dto.sector !== undefined ? { sector: dto.sector } : {}),
      }),
      audited: (n) => ({ useCases: n.useCases, sector: n.sector }),
    });
  }

  requestChanges(caller: Caller, needId: string, dto: RequestNeedChangesDto): Promise<NeedDto> {
    return this.transition(caller, needId, 'request-changes', dto.version, {
      authorise: assertCurator,
      changes: (_need, now) => ({ changesRequestedAt: now, curatorMessage: dto.message }),
    });
  }

  reject(caller: Caller, needId: string, dto: RejectNeedDto): Promise<NeedDto> {
    return this.transition(caller, needId, 'reject', dto.version, {
      authorise: assertCurator,
      changes: (_need, now) => ({ rejectedAt: now, rejectionReason: dto.reason }),
    });
  }

  /** The buyer organisation or a curator closes a published need with its outcome. */
  close(caller: Caller, needId: string, dto: CloseNeedDto): Promise<NeedDto> {
    return this.transition(caller, needId, 'close', dto.version, {
      authorise: (c: Caller, need: NeedEntity | null): asserts need is NeedEntity => assertCanRead(c, need),
      changes: (_need, now) => ({ closedAt: now, closeOutcome: dto.outcome }),
    });
  }

  private transition(
    caller: Caller,
    needId: string,
    action: NeedAction,
    expectedVersion: number | undefined,
    plan: TransitionPlan,
  ): Promise<NeedDto> {
    return this.transactions.run(async (manager) => {
      const need = await this.needs.findById(needId, manager);
      plan.authorise(caller, need);
      if (expectedVersion !== undefined && expectedVersion !== need.version) {
        throw CommonErrors.STALE_VERSION(undefined, { currentVersion: need.version });
      }
      const next = assertTransition(need.status, action);
      plan.precheck?.(need);
      const updated = await this.needs.updateIfVersion(manager, needId, need.version, { status: next, ...plan.changes(need, new Date()) });
      if (!updated) throw CommonErrors.STALE_VERSION();
      await this.audit.record(manager, caller, {
        action: `need.${action.replace('-', '_')}`,
        entityType: 'need',
        entityId: needId,
        before: { status: need.status, version: need.version, ...plan.audited?.(need) },
        after: { status: updated.status, version: updated.version, byStaff: isStaff(caller), ...plan.audited?.(updated) },
      });
      await this.outbox.enqueue(manager, eventTopic(next), { needId });
      // Its best-ranked vendors hear of it (issue 18), computed by the outbox, never in the request.
      if (next === 'published') await this.outbox.enqueue(manager, LEADS_FOR_NEED, { needId });
      // The partner that brought it hears of it through its webhook (decision 029).
      if (need.partnerId) await this.outbox.enqueue(manager, PARTNER_NEED_STATUS, { needId, partnerId: need.partnerId, status: next });
      return toNeedDto(updated);
    });
  }
}

/** Matching needs these fields, and health data need an HDS-certified host (CSP L.1111-8). */
function assertSubmittable(need: NeedEntity): void {
  const missing = missingForSubmission(need);
  if (missing.length > 0) {
    throw NeedsErrors.NEED_INCOMPLETE(`Complete these fields before submitting: ${missing.join(', ')}.`, { missing });
  }
  const requirements = missingCompulsoryRequirements(need.dataSensitivity as DataSensitivity | null, need.requirements);
  if (requirements.length > 0) {
    const names = requirements.map((r) => `${r} (${HARD_REQUIREMENT_LABELS[r]})`).join(', ');
    throw NeedsErrors.NEED_REQUIREMENT_MISSING(`Health data must be hosted by an HDS-certified host: add ${names} to requirements.`, {
      field: 'requirements',
      missing: requirements,
    });
  }
}
