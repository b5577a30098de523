import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Marks needs whose free text the retention job has erased (issue #9). */
export class Retention1764700000000 implements MigrationInterface {
  name = 'Retention1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE need ADD COLUMN anonymised_at timestamptz');
    // The job scans terminal needs not yet anonymised, oldest first.
    await q.query("CREATE INDEX need_retention_idx ON need (coalesce(closed_at, rejected_at)) WHERE status IN ('closed', 'rejected') AND anonymised_at IS NULL");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX need_retention_idx');
    await q.query('ALTER TABLE need DROP COLUMN anonymised_at');
  }
}
