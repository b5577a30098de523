import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface LeadFunnelRow {
  leads: number;
  notified: number;
  opened: number;
  interested: number;
  notInterested: number;
  medianHoursToFirstInterest: number | null;
}

export type LeadNeedStatsRow = {
  needId: string;
  publishedAt: Date | null;
  leads: number;
  notified: number;
  opened: number;
  interested: number;
  notInterested: number;
  firstInterestAt: Date | null;
};

/** Only the leads on needs of one source (`$3`), or all when null (issue 24's filters). */
const ON_SOURCE = '($3::text IS NULL OR EXISTS (SELECT 1 FROM need ns WHERE ns.id = lead.need_id AND ns.source = $3))';

/** The figures of lead alerts (issue 18), over leads created in [from, to), of needs of one source or all. */
@Injectable()
export class LeadStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async funnel(from: Date, to: Date, source: string | null): Promise<LeadFunnelRow> {
    const [row] = (await this.dataSource.query(
      `WITH l AS (SELECT * FROM lead WHERE created_at >= $1 AND created_at < $2 AND ${ON_SOURCE}),
            first_interest AS (
              SELECT l.need_id, min(l.answered_at) - n.published_at AS delay
                FROM l JOIN need n ON n.id = l.need_id
               WHERE l.answer = 'interested' AND n.published_at IS NOT NULL GROUP BY l.need_id, n.published_at)
       SELECT count(*)::int AS leads,
              count(*) FILTER (WHERE notified_at IS NOT NULL)::int AS notified,
              count(*) FILTER (WHERE notified_at IS NOT NULL AND opened_at IS NOT NULL)::int AS opened,
              count(*) FILTER (WHERE notified_at IS NOT NULL AND answer = 'interested')::int AS interested,
              count(*) FILTER (WHERE notified_at IS NOT NULL AND answer = 'not_interested')::int AS "notInterested",
              (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delay) / 3600) FROM first_interest)::float
                AS "medianHoursToFirstInterest"
         FROM l`,
      [from, to, source],
    )) as LeadFunnelRow[];
    return row;
  }

  async reasons(from: Date, to: Date, source: string | null): Promise<{ reason: string; count: number }[]> {
    return (await this.dataSource.query(
      `SELECT reason, count(*)::int AS count FROM lead
        WHERE created_at >= $1 AND created_at < $2 AND answer = 'not_interested' AND ${ON_SOURCE}
        GROUP BY reason ORDER BY count DESC, reason`,
      [from, to, source],
    )) as { reason: string; count: number }[];
  }

  /** One row per need with leads created in the period: the CSV export. */
  async byNeed(from: Date, to: Date, source: string | null): Promise<LeadNeedStatsRow[]> {
    return (await this.dataSource.query(
      `SELECT l.need_id AS "needId", n.published_at AS "publishedAt", count(*)::int AS leads,
              count(*) FILTER (WHERE l.notified_at IS NOT NULL)::int AS notified,
              count(*) FILTER (WHERE l.opened_at IS NOT NULL)::int AS opened,
              count(*) FILTER (WHERE l.answer = 'interested')::int AS interested,
              count(*) FILTER (WHERE l.answer = 'not_interested')::int AS "notInterested",
              min(l.answered_at) FILTER (WHERE l.answer = 'interested') AS "firstInterestAt"
         FROM lead l JOIN need n ON n.id = l.need_id
        WHERE l.created_at >= $1 AND l.created_at < $2 AND ($3::text IS NULL OR n.source = $3)
        GROUP BY l.need_id, n.published_at ORDER BY n.published_at, l.need_id`,
      [from, to, source],
    )) as LeadNeedStatsRow[];
  }
}
