import { Injectable } from '@nestjs/common';
import { isStaff } from '../identity/access.js';
import type { Caller } from '../identity/caller.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { findRegion } from '../reference/geo/geography.js';
import type { KeyCountDto, StatsFunnelDto, StatsOverviewDto } from './dto/stats.dto.js';
import { toCsv } from './csv.js';
import { EXPORT_COLUMNS, type StatsExportQueryDto } from './dto/export-query.dto.js';
import { funnel, locality, median, rate } from './stats-figures.js';
import { StatsRepository, type KeyCount, type Period, type Scope } from './stats.repository.js';
import { dealValueFigures, type ValueGroup } from './deal-values.js';
import type { StatsPeriodQueryDto } from './dto/stats-period.dto.js';
import type { StatsScopeQueryDto } from './dto/stats-scope.dto.js';
import type { StatsValuesDto } from './dto/stats-values.dto.js';
import type { StatsSourcesDto } from './dto/stats-sources.dto.js';
import { NEED_SOURCES } from '../needs/need.entity.js';
import { sourceBreakdown, type SourceRow } from './source-figures.js';

const plain = (rows: KeyCount[]): KeyCountDto[] => rows.map((r) => ({ key: r.key, label: null, count: r.count }));
const sum = (rows: KeyCount[]): number => rows.reduce((n, r) => n + r.count, 0);

/** Figures for curators and admins: the platform's activity and what introductions lead to. */
@Injectable()
export class StatsService {
  constructor(private readonly stats: StatsRepository) {}

  /**
   * Needs created in the period and introductions proposed in it (all time when open), of one
   * source or all, with every step they reached since: cohorts, where the report counts events.
   */
  async overview(caller: Caller, query: StatsScopeQueryDto = {}): Promise<StatsOverviewDto> {
    assertStaff(caller);
    const scope = scopeOf(query);
    const [needStatus, needRegion, needUseCase, introStatus, steps, won, delays] = await Promise.all([
      this.stats.needsByStatus(scope),
      this.stats.needsByRegion(scope),
      this.stats.needsByUseCase(scope),
      this.stats.introductionsByStatus(scope),
      this.stats.introductionSteps(scope),
      this.stats.wonNeeds(scope),
      this.stats.secondsToFirstIntroduction(scope),
    ]);
    const local = locality(won);
    return {
      needs: {
        total: sum(needStatus),
        byStatus: plain(needStatus),
        byRegion: needRegion.map((r) => ({ key: r.key, label: findRegion(r.key)?.name ?? null, count: r.count })),
        byUseCase: plain(needUseCase),
      },
      introductions: { total: sum(introStatus), byStatus: plain(introStatus) },
      outcomes: {
        won: steps.won,
        lost: steps.lost,
        winRate: rate(steps.won, steps.won + steps.lost),
        wonNeeds: local.wonNeeds,
        sameDepartement: local.sameDepartement,
        sameRegion: local.sameRegion,
        shareSameDepartement: local.shareSameDepartement,
        shareSameRegion: local.shareSameRegion,
        frenchControlled: local.frenchControlled,
        shareFrenchControlled: local.shareFrenchControlled,
        gradeAOrB: local.gradeAOrB,
        shareGradeAOrB: local.shareGradeAOrB,
        medianSecondsToFirstIntroduction: median(delays),
      },
    };
  }

  /** One line per need past draft, with its introductions counted: no person, no contact. */
  async exportCsv(caller: Caller, query: StatsExportQueryDto): Promise<string> {
    assertStaff(caller);
    return exportCsvOf(await this.stats.exportRows(scopeOf(query)), query);
  }

  /** What the won deals of the period are worth, by proximity, control and grade (decision 026). */
  async values(caller: Caller, query: StatsScopeQueryDto): Promise<StatsValuesDto> {
    assertStaff(caller);
    const period = periodOf(query);
    const figures = dealValueFigures(await this.stats.wonDeals(period, query.source ?? null));
    const labelled = (groups: ValueGroup[]) => groups.map((g) => ({ ...g, label: VALUE_GROUP_LABELS[g.key] ?? g.key }));
    return {
      period,
      ...figures,
      byProximity: labelled(figures.byProximity),
      byControl: labelled(figures.byControl),
      byGradeBand: labelled(figures.byGradeBand),
    };
  }

  /** Needs, introductions and wins by where the needs came from, and by partner (issue 20). */
  async sources(caller: Caller, query: StatsPeriodQueryDto): Promise<StatsSourcesDto> {
    assertStaff(caller);
    const period = periodOf(query);
    return bySourceAndPartner(period, await this.stats.needsBySourceAndPartner(period));
  }

  /** The same figures restricted to one partner's needs, for the partner itself (access checked by the caller's service). */
  async partnerSources(partnerId: string, query: StatsPeriodQueryDto): Promise<StatsSourcesDto> {
    const period = periodOf(query);
    const rows = (await this.stats.needsBySourceAndPartner(period)).filter((r) => r.partnerId === partnerId);
    return bySourceAndPartner(period, rows);
  }

  /** Introductions proposed in the period (all time when open), on needs of one source or all. */
  async funnel(caller: Caller, query: StatsScopeQueryDto = {}): Promise<StatsFunnelDto> {
    assertStaff(caller);
    const scope = scopeOf(query);
    const [s, reasons] = await Promise.all([this.stats.introductionSteps(scope), this.stats.declineReasons(scope)]);
    return {
      steps: funnel([
        { step: 'proposed', count: s.proposed },
        { step: 'connected', count: s.connected },
        { step: 'meeting_held', count: s.meetingHeld },
        { step: 'won', count: s.won },
      ]),
      vendor: { accepted: s.vendorAccepted, declined: s.vendorDeclined, acceptanceRate: rate(s.vendorAccepted, s.proposed) },
      buyer: { accepted: s.buyerAccepted, declined: s.buyerDeclined, acceptanceRate: rate(s.buyerAccepted, s.proposed) },
      declineReasons: plain(reasons),
      cancelled: s.cancelled,
      lost: s.lost,
    };
  }
}

export function exportCsvOf(rows: Record<string, unknown>[], query: StatsExportQueryDto): string {
  return toCsv(rows, query.columns ?? EXPORT_COLUMNS, query.separator === 'semicolon' ? ';' : ',');
}

/** The period asked, checked: `to` may not come before `from`. */
export function periodOf(query: StatsPeriodQueryDto): Period {
  const period = { from: query.from ?? null, to: query.to ?? null };
  if (period.from && period.to && period.to < period.from)
    throw CommonErrors.VALIDATION_FAILED(undefined, [{ field: 'to', messages: ['to must not be before from'] }]);
  return period;
}

/** The period checked and the source, as the repository's queries take them. */
export const scopeOf = (query: StatsScopeQueryDto): Scope => ({ ...periodOf(query), source: query.source ?? null });

/** Where needs come from, in the curators' words. */
function bySourceAndPartner(period: StatsSourcesDto['period'], rows: SourceRow[]): StatsSourcesDto {
  const { bySource, byPartner } = sourceBreakdown(rows, NEED_SOURCES);
  return { period, bySource: bySource.map((s) => ({ ...s, label: SOURCE_LABELS[s.source] ?? s.source })), byPartner };
}

export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  direct: 'Saisi par l’acheteur',
  partner: 'Apporté par un partenaire',
  diagnostic: 'Issu d’un diagnostic Data IA',
  event: 'Recueilli lors d’un événement',
  curator: 'Saisi par un curateur',
};

/** The groups of the value figures, in the curators' words. */
const VALUE_GROUP_LABELS: Readonly<Record<string, string>> = {
  same_departement: 'Même département que l’acheteur',
  same_region: 'Même région (autre département)',
  elsewhere: 'Ailleurs',
  french: 'Sous contrôle français',
  not_french: 'Autre contrôle',
  A_B: 'Note A ou B',
  C: 'Note C',
  D_E: 'Note D ou E',
  none: 'Sans note',
};

function assertStaff(caller: Caller): void {
  if (!isStaff(caller)) throw CommonErrors.FORBIDDEN('Only curators and admins read the statistics.');
}
