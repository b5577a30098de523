import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import type { DeclineIntroductionDto, IntroductionOutcomeDto, IntroductionTransitionDto } from './dto/introduction-input.dto.js';
import type { IntroductionDto } from './dto/introduction.dto.js';
import { viewerSide } from './introduction-access.js';
import { assertTransition, eventTopic, mayRaise, type Actor, type IntroductionEvent } from './introduction-lifecycle.js';
import { contactOrganisations, toIntroductionDto } from './introduction-view.js';
import type { IntroductionEntity } from './introduction.entity.js';
import { IntroductionsErrors } from './introductions.errors.js';
import { IntroductionsRepository, type IntroductionChanges } from './introductions.repository.js';
import { bandOf, outcomeProblems } from './deal-outcome.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';

/**
 * Answers and follow-up of an introduction (DESIGN §4). The caller's side comes from their
 * organisation. Each transition, its audit event and its outbox event are written in one
 * transaction, guarded by the version read: of concurrent answers, one wins and the others get 409.
 */
@Injectable()
export class IntroductionTransitionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly introductions: IntroductionsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
  ) {}

  accept(caller: Caller, id: string, dto: IntroductionTransitionDto): Promise<IntroductionDto> {
    return this.transition(caller, id, dto.version, 'accept', (side, now, i) => {
      if (side === 'vendor')
        return {
          event: 'vendor_accept',
          changes: { vendorAcceptedAt: now, ...(i.status === 'buyer_accepted' ? { connectedAt: now } : {}) },
        };
      return { event: 'buyer_accept', changes: { buyerAcceptedAt: now, ...(i.status === 'vendor_accepted' ? { connectedAt: now } : {}) } };
    });
  }

  decline(caller: Caller, id: string, dto: DeclineIntroductionDto): Promise<IntroductionDto> {
    return this.transition(caller, id, dto.version, 'decline', (side, now) => ({
      event: side === 'vendor' ? 'vendor_decline' : 'buyer_decline',
      changes: {
        declinedAt: now,
        declinedBy: side === 'curator' ? null : side,
        declineReason: dto.reason,
        declineComment: dto.comment ?? null,
      },
      audited: { reason: dto.reason },
    }));
  }

  meetingHeld(caller: Caller, id: string, dto: IntroductionTransitionDto): Promise<IntroductionDto> {
    return this.transition(caller, id, dto.version, 'meeting-held', (_side, now) => ({
      event: 'meeting_held',
      changes: { meetingHeldAt: now },
    }));
  }

  outcome(caller: Caller, id: string, dto: IntroductionOutcomeDto): Promise<IntroductionDto> {
    return this.transition(caller, id, dto.version, 'outcome', (side, now) => {
      const problems = outcomeProblems(dto, side !== 'curator');
      if (problems.length) throw CommonErrors.VALIDATION_FAILED(undefined, problems);
      return { event: dto.outcome, changes: { outcome: dto.outcome, outcomeAt: now, ...outcomeColumns(dto) }, audited: outcomeAudit(dto) };
    });
  }

  cancel(caller: Caller, id: string, dto: IntroductionTransitionDto): Promise<IntroductionDto> {
    return this.transition(caller, id, dto.version, 'cancel', (_side, now) => ({ event: 'cancel', changes: { cancelledAt: now } }));
  }

  private transition(
    caller: Caller,
    id: string,
    expectedVersion: number | undefined,
    action: string,
    plan: (
      side: Actor,
      now: Date,
      introduction: IntroductionEntity,
    ) => { event: IntroductionEvent; changes: IntroductionChanges; audited?: Record<string, unknown> },
  ): Promise<IntroductionDto> {
    return this.transactions.run(async (manager) => {
      const introduction = await this.introductions.findById(id, manager);
      const side = viewerSide(caller, introduction);
      const current = introduction!;
      const { event, changes, audited } = plan(side, new Date(), current);
      if (!mayRaise(side, event)) {
        throw side === 'curator'
          ? IntroductionsErrors.INTRODUCTION_NOT_A_PARTY(`Only the vendor or the buyer can ${action} an introduction.`)
          : CommonErrors.FORBIDDEN(`Only curators can ${action} an introduction.`);
      }
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw CommonErrors.STALE_VERSION(undefined, { currentVersion: current.version });
      }
      const next = assertTransition(current.status, event);
      const updated = await this.introductions.updateIfVersion(manager, id, current.version, { status: next, ...changes });
      if (!updated) throw CommonErrors.STALE_VERSION();
      await this.audit.record(manager, caller, {
        action: `introduction.${event}`,
        entityType: 'introduction',
        entityId: id,
        before: { status: current.status, version: current.version },
        after: { status: updated.status, version: updated.version, side, ...audited },
      });
      // Who acted: the follow-up e-mails go to everyone else involved.
      await this.outbox.enqueue(manager, eventTopic(next), { introductionId: id, side, actorId: caller.userId });
      await this.outbox.partnerIntroductionStatus(
        manager,
        { introductionId: id, needId: current.needId, partnerId: current.need?.partnerId },
        next,
      );
      const contacts = await this.introductions.contactsOf(contactOrganisations(updated, side), manager);
      return toIntroductionDto(updated, side, contacts);
    });
  }
}

/** The deal or loss columns an outcome writes; a band is derived from an exact amount given alone. */
function outcomeColumns(dto: IntroductionOutcomeDto): IntroductionChanges {
  if (dto.outcome === 'lost') return { lostReason: dto.lostReason ?? null, lostComment: dto.lostComment ?? null };
  return {
    dealValueBand: dto.valueBand ?? (dto.amountEur !== undefined ? bandOf(dto.amountEur) : null),
    dealAmountEur: dto.amountEur ?? null,
    dealStartDate: dto.startDate ?? null,
    dealPublic: dto.public ?? false,
  };
}

/** What the audit keeps of an outcome: the band and reason, not the amount or the comment. */
function outcomeAudit(dto: IntroductionOutcomeDto): Record<string, unknown> {
  return dto.outcome === 'won'
    ? { valueBand: dto.valueBand ?? (dto.amountEur !== undefined ? bandOf(dto.amountEur) : null) }
    : { lostReason: dto.lostReason ?? null };
}
