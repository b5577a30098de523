/*
 * Needs, introductions and wins by where the needs came from (issue 20): pure sums over rows the
 * repository groups by (source, partner). No Nest, no TypeORM.
 */

/** One (source, partner) group as counted in SQL; partner fields are null for needs no partner brought. */
export interface SourceRow {
  source: string;
  partnerId: string | null;
  partnerName: string | null;
  partnerKind: string | null;
  needs: number;
  submitted: number;
  published: number;
  introductions: number;
  won: number;
}

export interface SourceFigures {
  needs: number;
  submitted: number;
  published: number;
  introductions: number;
  won: number;
  /** Won introductions per published need; null without a published need. */
  winsPerPublishedNeed: number | null;
}

const COUNTS = ['needs', 'submitted', 'published', 'introductions', 'won'] as const;

function figures(rows: readonly SourceRow[]): SourceFigures {
  const total = Object.fromEntries(COUNTS.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Record<(typeof COUNTS)[number], number>;
  return { ...total, winsPerPublishedNeed: total.published === 0 ? null : total.won / total.published };
}

/** Every source in `sources` order (zeros included, so a CSV or a chart keeps its columns), then each partner by name. */
export function sourceBreakdown(
  rows: readonly SourceRow[],
  sources: readonly string[],
): {
  bySource: (SourceFigures & { source: string })[];
  byPartner: (SourceFigures & { partnerId: string; name: string; kind: string })[];
} {
  const bySource = sources.map((source) => ({ source, ...figures(rows.filter((r) => r.source === source)) }));
  const partners = new Map<string, SourceRow[]>();
  for (const r of rows) if (r.partnerId) partners.set(r.partnerId, [...(partners.get(r.partnerId) ?? []), r]);
  const byPartner = [...partners.entries()]
    .map(([partnerId, group]) => ({
      partnerId,
      name: group[0].partnerName ?? '',
      kind: group[0].partnerKind ?? 'other',
      ...figures(group),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.partnerId.localeCompare(b.partnerId));
  return { bySource, byPartner };
}
