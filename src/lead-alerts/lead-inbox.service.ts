import { Injectable } from '@nestjs/common';
import { CommonErrors } from '../common/errors/common.errors.js';
import { pageOf, pageWindow, type Page } from '../common/pagination.js';
import { isActiveMemberOf, isStaff, requireActiveOrganisation } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { anonymisedNeed } from '../matches/leads.service.js';
import { criterionDtos } from '../matches/match-view.js';
import { LeadNeedsRepository } from '../matches/repositories/lead-needs.repository.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import type { AnswerLeadDto, LeadAlertDto, ListLeadsQueryDto, NeedLeadDto, NeedLeadsDto } from './dto/lead-alert.dto.js';
import { LeadAlertsErrors } from './lead-alerts.errors.js';
import { LeadAlertsRepository, type LeadRow, type NeedLeadRow } from './lead-alerts.repository.js';
import { DECLINE_REASON_LABELS } from './lead-vocabulary.js';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/**
 * A vendor's side of its leads (read, answer) and the curators' view of a need's leads (issue 18).
 * Only the lead's vendor's active members read or answer it; another vendor gets 404, as if it did
 * not exist. Buyers see nothing of leads.
 */
@Injectable()
export class LeadInboxService {
  constructor(
    private readonly leads: LeadAlertsRepository,
    private readonly leadNeeds: LeadNeedsRepository,
    private readonly needs: NeedsRepository,
  ) {}

  async list(caller: Caller, query: ListLeadsQueryDto): Promise<Page<LeadAlertDto>> {
    const vendorId = requireActiveOrganisation(caller);
    const { rows, total } = await this.leads.listForVendor(vendorId, { answer: query.answer, ...pageWindow(query) });
    return pageOf(await this.withNeeds(rows), total, query);
  }

  /** A member's read marks the lead opened (the funnel); a curator's read does not. */
  async get(caller: Caller, leadId: string): Promise<LeadAlertDto> {
    const lead = await this.readable(caller, leadId);
    if (!isStaff(caller) && !lead.openedAt) {
      await this.leads.markOpened(lead.id);
      lead.openedAt = new Date();
    }
    return (await this.withNeeds([lead]))[0];
  }

  async answer(caller: Caller, leadId: string, dto: AnswerLeadDto): Promise<LeadAlertDto> {
    const lead = await this.leads.findById(leadId);
    if (!lead || !isActiveMemberOf(caller, lead.vendorId)) throw LeadAlertsErrors.LEAD_NOT_FOUND();
    if (lead.needStatus !== 'published') throw LeadAlertsErrors.LEAD_CLOSED(undefined, { needStatus: lead.needStatus });
    const problems = answerProblems(dto);
    if (problems.length) throw CommonErrors.VALIDATION_FAILED('The answer is incomplete.', problems);
    const interested = dto.answer === 'interested';
    await this.leads.answer(lead.id, caller.userId, {
      answer: dto.answer,
      message: interested ? (dto.message ?? null) : null,
      reason: interested ? null : (dto.reason ?? null),
      comment: interested ? null : (dto.comment ?? null),
    });
    return (await this.withNeeds([(await this.leads.findById(lead.id)) as LeadRow]))[0];
  }

  /** Curators and admins: every vendor told of the need, interested ones first. */
  async forNeed(caller: Caller, needId: string): Promise<NeedLeadsDto> {
    if (!isStaff(caller)) throw CommonErrors.FORBIDDEN();
    if (!(await this.needs.findById(needId))) throw CommonErrors.NOT_FOUND('Need not found.');
    const rows = await this.leads.listForNeed(needId);
    return { needId, interested: rows.filter((r) => r.answer === 'interested').length, items: rows.map(needLeadDto) };
  }

  /** How many vendors said "intéressé", per need (the review queue). */
  interestedCounts(needIds: readonly string[]): Promise<Map<string, number>> {
    return this.leads.interestedCounts(needIds);
  }

  private async readable(caller: Caller, leadId: string): Promise<LeadRow> {
    const lead = await this.leads.findById(leadId);
    if (!lead || !(isStaff(caller) || isActiveMemberOf(caller, lead.vendorId))) throw LeadAlertsErrors.LEAD_NOT_FOUND();
    return lead;
  }

  private async withNeeds(rows: LeadRow[]): Promise<LeadAlertDto[]> {
    const needs = new Map((await this.leadNeeds.findByIds([...new Set(rows.map((r) => r.needId))])).map((n) => [n.id, n]));
    return rows.flatMap((r) => {
      const need = needs.get(r.needId);
      return need
        ? [
            {
              id: r.id,
              offering: { id: r.offeringId, title: r.offeringTitle },
              need: anonymisedNeed(need),
              open: r.needStatus === 'published',
              criteria: criterionDtos(r.criteria),
              scoringVersion: r.scoringVersion,
              ...funnel(r),
            },
          ]
        : [];
    });
  }
}

function funnel(r: LeadRow) {
  return {
    origin: r.origin,
    rank: r.rank,
    total: r.total,
    createdAt: new Date(r.createdAt).toISOString(),
    notifiedAt: iso(r.notifiedAt),
    openedAt: iso(r.openedAt),
    answer: r.answer,
    answeredAt: iso(r.answeredAt),
    message: r.message,
    reason: r.reason,
    reasonLabel: r.reason ? DECLINE_REASON_LABELS[r.reason] : null,
    comment: r.comment,
  };
}

function needLeadDto(r: NeedLeadRow): NeedLeadDto {
  return { id: r.id, vendor: { id: r.vendorId, name: r.vendorName }, offering: { id: r.offeringId, title: r.offeringTitle }, ...funnel(r) };
}

/** "pas intéressé" needs a reason, "autre" a comment; a message goes with "intéressé" only. */
export function answerProblems(dto: AnswerLeadDto): { field: string; messages: string[] }[] {
  const problems: { field: string; messages: string[] }[] = [];
  if (dto.answer === 'not_interested') {
    if (!dto.reason) problems.push({ field: 'reason', messages: ['a reason is required when not interested'] });
    if (dto.reason === 'other' && !dto.comment)
      problems.push({ field: 'comment', messages: ['a comment is required with reason "other"'] });
    if (dto.message) problems.push({ field: 'message', messages: ['a message goes with "interested" only'] });
  } else {
    if (dto.reason) problems.push({ field: 'reason', messages: ['a reason goes with "not_interested" only'] });
    if (dto.comment) problems.push({ field: 'comment', messages: ['a comment goes with "not_interested" only'] });
  }
  return problems;
}
