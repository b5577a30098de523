import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Curators' "pertinent / pas pertinent" marks on the pairs the ranking shows (issue 26, decision
 * 023): one current mark per need, offering and curator, with the rank and scoring version it was
 * given against, so the judged set can grow from them. The reason lists are judgment-vocabulary.ts's.
 */
export class RelevanceJudgments1765400000000 implements MigrationInterface {
  name = 'RelevanceJudgments1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE relevance_judgment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES need (id) ON DELETE CASCADE,
        offering_id uuid NOT NULL REFERENCES offering (id) ON DELETE CASCADE,
        curator_id uuid NOT NULL REFERENCES app_user (id),
        verdict text NOT NULL CHECK (verdict IN ('relevant', 'not_relevant')),
        reason text NOT NULL,
        comment text CHECK (length(comment) BETWEEN 1 AND 500),
        rank integer CHECK (rank >= 1),
        scoring_version text NOT NULL CHECK (length(scoring_version) BETWEEN 1 AND 50),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT relevance_judgment_one_per_curator UNIQUE (need_id, offering_id, curator_id),
        CONSTRAINT relevance_judgment_reason CHECK (
          (verdict = 'relevant' AND reason IN ('exact_fit', 'partial_fit', 'other'))
          OR (verdict = 'not_relevant' AND reason IN ('off_topic', 'too_generic', 'out_of_reach', 'requirement_unmet', 'other'))),
        CONSTRAINT relevance_judgment_other CHECK (reason <> 'other' OR comment IS NOT NULL)
      )`);
    // The curators' list by need, newest first, and the export in a stable order.
    await q.query('CREATE INDEX relevance_judgment_need_idx ON relevance_judgment (need_id, updated_at)');
    await q.query('CREATE INDEX relevance_judgment_offering_idx ON relevance_judgment (offering_id)');
    await q.query('CREATE INDEX relevance_judgment_curator_idx ON relevance_judgment (curator_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE relevance_judgment');
  }
}
