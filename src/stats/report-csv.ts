import type { StatsReportDto } from './dto/stats-report.dto.js';
import { toCsv } from './csv.js';

/** The report's figures in French, for the CSV and the page. */
export const ACTIVITY_LABELS: Readonly<Record<string, string>> = {
  needsCreated: 'Besoins créés (brouillons compris)',
  needsSubmitted: 'Besoins reçus',
  needsPublished: 'Besoins publiés',
  introductionsProposed: 'Mises en relation proposées',
  introductionsConnected: 'Mises en relation acceptées par les deux parties',
  meetingsHeld: 'Rendez-vous tenus',
  won: 'Contrats signés',
  lost: 'Sans suite',
};

type Row = { section: string; key: string; label: string; metric: string; value: number | string | null };

/**
 * The report as one CSV in long form (section, key, label, metric, value): every figure on its own
 * line, so a spreadsheet's pivot table rebuilds any table of the page.
 */
export function reportCsv(r: StatsReportDto, separator: ',' | ';' = ','): string {
  const rows: Row[] = [
    { section: 'period', key: 'from', label: 'Du', metric: 'date', value: r.period.from },
    { section: 'period', key: 'to', label: 'Au', metric: 'date', value: r.period.to },
    { section: 'period', key: 'source', label: 'Origine des besoins', metric: 'filter', value: r.source ?? 'all' },
  ];
  for (const [key, value] of Object.entries(r.activity))
    rows.push({ section: 'activity', key, label: ACTIVITY_LABELS[key] ?? key, metric: 'count', value });
  for (const m of r.byMonth)
    for (const metric of ['needs', 'published', 'introductions', 'won'] as const)
      rows.push({ section: 'month', key: m.month, label: m.month, metric, value: m[metric] });
  for (const g of r.byRegion)
    for (const metric of ['needs', 'won', 'wonLocally', 'shareWonLocally', 'wonValueEur'] as const)
      rows.push({ section: 'region', key: g.regionCode, label: g.label, metric, value: g[metric] });
  for (const d of r.byDepartement)
    for (const metric of ['needs', 'won', 'wonLocally', 'shareWonLocally', 'wonValueEur'] as const)
      rows.push({ section: 'departement', key: d.departementCode, label: d.label, metric, value: d[metric] });
  for (const s of r.bySource)
    for (const metric of ['needs', 'submitted', 'published', 'introductions', 'won'] as const)
      rows.push({ section: 'source', key: s.source, label: s.label, metric, value: s[metric] });
  const v = r.values;
  for (const metric of ['wonDeals', 'withoutValue', 'totalEur', 'medianEur', 'shareLocal', 'shareFrench', 'shareGradeAOrB'] as const)
    rows.push({ section: 'values', key: 'all', label: 'Contrats signés', metric, value: v[metric] });
  for (const [section, groups] of [
    ['value_proximity', v.byProximity],
    ['value_control', v.byControl],
    ['value_grade', v.byGradeBand],
  ] as const)
    for (const g of groups)
      for (const metric of ['deals', 'totalEur', 'medianEur', 'share'] as const)
        rows.push({ section, key: g.key, label: g.label, metric, value: g[metric] });
  for (const [key, value] of Object.entries(r.surveys))
    rows.push({ section: 'surveys', key, label: SURVEY_LABELS[key] ?? key, metric: 'count', value });
  return toCsv(rows, ['section', 'key', 'label', 'metric', 'value'], separator);
}

const SURVEY_LABELS: Readonly<Record<string, string>> = {
  sent: 'Questionnaires à trois mois envoyés',
  answered: 'Questionnaires remplis',
  confirmedInUse: 'Clients confirmant l’usage',
};
