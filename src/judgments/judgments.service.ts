import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { pageOf, pageWindow, type Page } from '../common/pagination.js';
import { isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { MatchesErrors } from '../matches/matches.errors.js';
import { NeedMatchesService } from '../matches/need-matches.service.js';
import { NeedsErrors } from '../needs/needs.errors.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { OfferingsErrors } from '../offerings/offerings.errors.js';
import { OfferingsRepository } from '../offerings/offerings.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import type { JudgmentInputDto, JudgmentListQueryDto } from './dto/judgment-input.dto.js';
import type { RelevanceJudgmentDto } from './dto/judgment.dto.js';
import type { JudgmentsExportDto } from './dto/judgments-export.dto.js';
import { exportJudgments } from './judgment-export.js';
import type { JudgmentRecord } from './judgment-record.js';
import { JudgmentsErrors } from './judgments.errors.js';
import { JudgmentsRepository, type JudgmentKey, type StoredJudgment } from './judgments.repository.js';

/** How deep the ranking is read to find the rank of the judged offering. */
const RANK_DEPTH = 100;

/**
 * Curators' "pertinent / pas pertinent" marks on the pairs the ranking shows (issue 26, decision
 * 023): one current mark per curator and pair, audited, listed and exported for the judged set.
 */
@Injectable()
export class JudgmentsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly judgments: JudgmentsRepository,
    private readonly needs: NeedsRepository,
    private readonly offerings: OfferingsRepository,
    private readonly matches: NeedMatchesService,
    private readonly audit: AuditService,
  ) {}

  /** Marks the pair, replacing the caller's previous mark; the rank and scoring version are the ranking's now. */
  async mark(caller: Caller, needId: string, offeringId: string, dto: JudgmentInputDto): Promise<RelevanceJudgmentDto> {
    assertCurator(caller);
    const need = await this.needs.findById(needId);
    if (!need) throw NeedsErrors.NEED_NOT_FOUND();
    if (!(await this.offerings.findById(offeringId))) throw OfferingsErrors.OFFERING_NOT_FOUND();
    // Only a published need is ranked, and it can no longer be edited: its marks stay true to its text.
    if (need.status !== 'published') throw MatchesErrors.NEED_NOT_PUBLISHED(undefined, { status: need.status });
    // Read before the transaction: ranking takes connections of its own (decision 016).
    const ranking = await this.matches.matchesFor(caller, needId, { limit: RANK_DEPTH });
    const rank = ranking.items.find((m) => m.offering.id === offeringId)?.rank ?? null;
    const key: JudgmentKey = { needId, offeringId, curatorId: caller.userId };
    const saved = await this.transactions.run(async (manager) => {
      const before = await this.judgments.lockOwn(manager, key);
      const after = await this.judgments.upsert(manager, key, {
        verdict: dto.verdict,
        reason: dto.reason,
        comment: dto.comment ?? null,
        rank,
        scoringVersion: ranking.scoringVersion,
      });
      await this.audit.record(manager, caller, {
        action: 'relevance_judgment.mark',
        entityType: 'relevance_judgment',
        entityId: after.id,
        before: before && auditView(before),
        after: auditView(after),
      });
      return after;
    });
    return toDto((await this.judgments.findRecord(saved.id))!);
  }

  /** Removes the caller's mark on the pair (404 JUDGMENT_NOT_FOUND when there is none). */
  async unmark(caller: Caller, needId: string, offeringId: string): Promise<void> {
    assertCurator(caller);
    if (!(await this.needs.findById(needId))) throw NeedsErrors.NEED_NOT_FOUND();
    if (!(await this.offerings.findById(offeringId))) throw OfferingsErrors.OFFERING_NOT_FOUND();
    await this.transactions.run(async (manager) => {
      const removed = await this.judgments.deleteOwn(manager, { needId, offeringId, curatorId: caller.userId });
      if (!removed) throw JudgmentsErrors.JUDGMENT_NOT_FOUND();
      await this.audit.record(manager, caller, {
        action: 'relevance_judgment.remove',
        entityType: 'relevance_judgment',
        entityId: removed.id,
        before: auditView(removed),
      });
    });
  }

  /** Every curator's marks, last changed first. */
  async list(caller: Caller, query: JudgmentListQueryDto): Promise<Page<RelevanceJudgmentDto>> {
    assertCurator(caller);
    const { items, total } = await this.judgments.findPage(query.needId, pageWindow(query));
    return pageOf(items.map(toDto), total, query);
  }

  /** The caller's own marks on a need, by offering id. */
  async mineOnNeed(caller: Caller, needId: string): Promise<Record<string, RelevanceJudgmentDto>> {
    assertCurator(caller);
    const records = await this.judgments.findOwnOnNeed(needId, caller.userId);
    return Object.fromEntries(records.map((r) => [r.offeringId, toDto(r)]));
  }

  async export(caller: Caller): Promise<JudgmentsExportDto> {
    assertCurator(caller);
    return exportJudgments(await this.judgments.findAllForExport(), new Date());
  }
}

function assertCurator(caller: Caller): void {
  if (!isStaff(caller)) throw CommonErrors.FORBIDDEN('Only curators and admins judge matches.');
}

/** What the audit log keeps of a mark: no name, the comment as the curator wrote it. */
function auditView(j: StoredJudgment): Record<string, unknown> {
  return {
    needId: j.needId,
    offeringId: j.offeringId,
    verdict: j.verdict,
    reason: j.reason,
    comment: j.comment,
    rank: j.rank,
    scoringVersion: j.scoringVersion,
  };
}

function toDto(r: JudgmentRecord): RelevanceJudgmentDto {
  return {
    id: r.id,
    needId: r.needId,
    needTitle: r.needTitle,
    offeringId: r.offeringId,
    offeringTitle: r.offeringTitle,
    vendorName: r.vendorName,
    curatorId: r.curatorId,
    curatorName: r.curatorName,
    verdict: r.verdict,
    reason: r.reason,
    comment: r.comment,
    rank: r.rank,
    scoringVersion: r.scoringVersion,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
