import { Injectable } from '@nestjs/common';
import { CommonErrors } from '../common/errors/common.errors.js';
import { isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { toCsv } from '../stats/csv.js';
import type { LeadStatsDto, LeadStatsQueryDto } from './dto/lead-stats.dto.js';
import { LeadStatsRepository } from './lead-stats.repository.js';
import { DECLINE_REASON_LABELS, type DeclineReason } from './lead-vocabulary.js';

const DAY_MS = 86_400_000;
const day = (d: Date): string => d.toISOString().slice(0, 10);
const rate = (n: number, of: number): number | null => (of === 0 ? null : Math.round((n / of) * 1000) / 1000);

export const LEAD_CSV_COLUMNS = [
  'needId',
  'publishedAt',
  'leads',
  'notified',
  'opened',
  'interested',
  'notInterested',
  'firstInterestAt',
] as const;

/** Lead alerts' figures for curators (issue 18): sent, opened, answered, and how fast. */
@Injectable()
export class LeadStatsService {
  constructor(private readonly stats: LeadStatsRepository) {}

  async figures(caller: Caller, query: LeadStatsQueryDto): Promise<LeadStatsDto> {
    const { from, to } = this.period(caller, query);
    const source = query.source ?? null;
    const [f, reasons] = await Promise.all([this.stats.funnel(from, to, source), this.stats.reasons(from, to, source)]);
    return {
      from: day(from),
      to: day(new Date(to.getTime() - DAY_MS)),
      leads: f.leads,
      sent: f.notified,
      opened: f.opened,
      interested: f.interested,
      notInterested: f.notInterested,
      openRate: rate(f.opened, f.notified),
      interestRate: rate(f.interested, f.notified),
      medianHoursToFirstInterest: f.medianHoursToFirstInterest === null ? null : Math.round(f.medianHoursToFirstInterest * 10) / 10,
      notInterestedReasons: reasons.map((r) => ({ ...r, label: DECLINE_REASON_LABELS[r.reason as DeclineReason] ?? r.reason })),
    };
  }

  async csv(caller: Caller, query: LeadStatsQueryDto): Promise<string> {
    const { from, to } = this.period(caller, query);
    return toCsv(await this.stats.byNeed(from, to, query.source ?? null), LEAD_CSV_COLUMNS);
  }

  /** [from, to + 1 day): whole days; 400 when reversed. */
  private period(caller: Caller, query: LeadStatsQueryDto): { from: Date; to: Date } {
    if (!isStaff(caller)) throw CommonErrors.FORBIDDEN();
    const to = new Date((query.to ? Date.parse(query.to) : Date.parse(day(new Date()))) + DAY_MS);
    const from = query.from ? new Date(Date.parse(query.from)) : new Date(to.getTime() - 366 * DAY_MS);
    if (from >= to)
      throw CommonErrors.VALIDATION_FAILED('`from` must be on or before `to`.', [{ field: 'from', messages: ['must be on or before to'] }]);
    return { from, to };
  }
}
