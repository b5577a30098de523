import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { pageOf, pageWindow, type Page } from '../common/pagination.js';
import { NeedsErrors } from '../needs/needs.errors.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { MatchingService } from '../matches/matching.service.js';
import { OfferingsErrors } from '../offerings/offerings.errors.js';
import { OfferingsRepository } from '../offerings/offerings.repository.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import type { CreateIntroductionDto, ListIntroductionsQueryDto } from './dto/introduction-input.dto.js';
import type { IntroductionDto } from './dto/introduction.dto.js';
import { viewerSide, visibleScope } from './introduction-access.js';
import { eventTopic } from './introduction-lifecycle.js';
import { contactOrganisations, toIntroductionDto } from './introduction-view.js';
import type { IntroductionEntity } from './introduction.entity.js';
import { IntroductionsErrors } from './introductions.errors.js';
import { IntroductionsRepository } from './introductions.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';

/** Curators propose introductions; each party reads its own (DESIGN §4, §8). Answers live in IntroductionTransitionsService. */
@Injectable()
export class IntroductionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly introductions: IntroductionsRepository,
    private readonly needs: NeedsRepository,
    private readonly offerings: OfferingsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
    private readonly matching: MatchingService,
  ) {}

  /** A curator introduces an eligible offering to a published need; audited and announced in one transaction. */
  async propose(caller: Caller, dto: CreateIntroductionDto): Promise<IntroductionDto> {
    if (!isStaff(caller)) throw CommonErrors.FORBIDDEN('Only curators propose introductions.');
    // Checked before the transaction: the matching reads take their own connections (decision 016).
    const need = await this.needs.findById(dto.needId);
    if (!need) throw NeedsErrors.NEED_NOT_FOUND();
    const offering = await this.offerings.findById(dto.offeringId);
    if (!offering) throw OfferingsErrors.OFFERING_NOT_FOUND();
    if (need.status !== 'published') {
      throw IntroductionsErrors.INTRODUCTION_NEED_NOT_PUBLISHED(undefined, { needStatus: need.status });
    }
    const failed = (await this.matching.exclusionsFor(need, offering.id)).map((e) => ({ rule: e.rule, reason: e.reason }));
    if (failed.length > 0) throw IntroductionsErrors.INTRODUCTION_NOT_ELIGIBLE(undefined, { failed });
    const created = await this.transactions.run(async (manager) => {
      const existing = await this.introductions.findOpenIdForPair(manager, need.id, offering.id);
      if (existing) throw IntroductionsErrors.INTRODUCTION_ALREADY_OPEN(undefined, { introductionId: existing });
      // A concurrent proposal of the same pair loses on the partial unique index: 409 ALREADY_EXISTS.
      const introduction = await this.introductions.insert(manager, {
        needId: need.id,
        offeringId: offering.id,
        vendorOrganisationId: offering.vendorId,
        buyerOrganisationId: need.organisationId,
        curatorId: caller.userId,
        message: dto.message,
      });
      await this.audit.record(manager, caller, {
        action: 'introduction.propose',
        entityType: 'introduction',
        entityId: introduction.id,
        before: null,
        after: { status: introduction.status, needId: need.id, offeringId: offering.id, version: introduction.version },
      });
      await this.outbox.enqueue(manager, eventTopic('proposed'), { introductionId: introduction.id });
      await this.outbox.partnerIntroductionStatus(
        manager,
        { introductionId: introduction.id, needId: need.id, partnerId: need.partnerId },
        introduction.status,
      );
      return introduction;
    });
    return this.view(created, 'curator');
  }

  async list(caller: Caller, query: ListIntroductionsQueryDto): Promise<Page<IntroductionDto>> {
    const scope = visibleScope(caller);
    const { rows, total } = await this.introductions.list(
      { ...scope, status: query.status, needId: query.needId, offeringId: query.offeringId },
      pageWindow(query),
    );
    // One query for the contacts of the whole page, not one per introduction.
    const sides = rows.map((row) => viewerSide(caller, row));
    const contacts = await this.introductions.contactsOf([...new Set(rows.flatMap((row, i) => contactOrganisations(row, sides[i])))]);
    return pageOf(
      rows.map((row, i) => toIntroductionDto(row, sides[i], contacts)),
      total,
      query,
    );
  }

  async get(caller: Caller, id: string): Promise<IntroductionDto> {
    const introduction = await this.introductions.findById(id);
    return this.view(introduction!, viewerSide(caller, introduction));
  }

  private async view(introduction: IntroductionEntity, viewer: ReturnType<typeof viewerSide>): Promise<IntroductionDto> {
    const contacts = await this.introductions.contactsOf(contactOrganisations(introduction, viewer));
    return toIntroductionDto(introduction, viewer, contacts);
  }
}
