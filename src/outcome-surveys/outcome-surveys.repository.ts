import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutcomeSurveyAnswerDto } from './dto/outcome-survey-answer.dto.js';

/** A won introduction whose survey was sent, as the survey page needs it. */
export interface SurveyTarget {
  introductionId: string;
  offeringId: string;
  offeringTitle: string;
  needTitle: string;
  buyerOrganisationId: string;
  answered: boolean;
}

@Injectable()
export class OutcomeSurveysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the won introductions whose survey is due (won between `from` and `to`, never sent),
   * marking them sent in the same statement; SKIP LOCKED shares the work between instances and
   * the caller enqueues the e-mails in the same transaction, so each survey goes out once.
   */
  async claimDue(manager: EntityManager, from: Date, to: Date, now: Date, limit: number): Promise<string[]> {
    const [rows] = (await manager.query(
      `UPDATE introduction SET survey_sent_at = $1
        WHERE id IN (SELECT id FROM introduction
                      WHERE outcome = 'won' AND survey_sent_at IS NULL AND outcome_at > $2 AND outcome_at <= $3
                      ORDER BY outcome_at LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [now, from, to, limit],
    )) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }

  async findTarget(introductionId: string): Promise<SurveyTarget | null> {
    const rows = (await this.dataSource.query(
      `SELECT i.id AS "introductionId", i.offering_id AS "offeringId", o.title AS "offeringTitle", n.title AS "needTitle",
              i.buyer_organisation_id AS "buyerOrganisationId", s.introduction_id IS NOT NULL AS answered
         FROM introduction i
         JOIN offering o ON o.id = i.offering_id
         JOIN need n ON n.id = i.need_id
         LEFT JOIN outcome_survey s ON s.introduction_id = i.id
        WHERE i.id = $1 AND i.outcome = 'won' AND i.survey_sent_at IS NOT NULL`,
      [introductionId],
    )) as SurveyTarget[];
    return rows[0] ?? null;
  }

  /**
   * Stores the one answer of an introduction; false when it was already answered (a second tab,
   * a double click). A buyer confirming use adds one to the offering's count, in the same transaction.
   */
  async record(manager: EntityManager, target: SurveyTarget, answer: OutcomeSurveyAnswerDto): Promise<boolean> {
    const inserted = (await manager.query(
      `INSERT INTO outcome_survey (introduction_id, offering_id, in_use, as_declared, satisfaction, would_recommend, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (introduction_id) DO NOTHING RETURNING introduction_id`,
      [
        target.introductionId,
        target.offeringId,
        answer.inUse,
        answer.asDeclared,
        answer.satisfaction,
        answer.wouldRecommend,
        answer.comment?.trim() || null,
      ],
    )) as unknown[];
    if (inserted.length === 0) return false;
    if (answer.inUse)
      await manager.query('UPDATE offering SET client_confirmations = client_confirmations + 1 WHERE id = $1', [target.offeringId]);
    return true;
  }
}
