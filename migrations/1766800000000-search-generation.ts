import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A number that changes with every write to the searched offerings (issue 22, decision 037): each
 * instance caches catalogue results under the number it read before computing them, so a write on
 * any instance makes every cached result stale at once. Bumped by a statement-level trigger (one
 * update per statement, not per row); the lexicon's pruning bumps it itself.
 */
export class SearchGeneration1766800000000 implements MigrationInterface {
  name = 'SearchGeneration1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_generation (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        n bigint NOT NULL
      )`);
    await q.query('INSERT INTO search_generation (id, n) VALUES (true, 0)');
    await q.query(`
      CREATE FUNCTION search_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE search_generation SET n = n + 1;
        RETURN NULL;
      END $$`);
    // Named after the facet-count triggers, so they fire after them (same event, name order): every
    // writer locks the facet rows, then this one, and two writers cannot wait on each other.
    await q.query(`CREATE TRIGGER search_generation_write AFTER INSERT OR UPDATE OR DELETE ON search_offering
      FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump()`);
    await q.query(`CREATE TRIGGER search_generation_truncate AFTER TRUNCATE ON search_offering
      FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER search_generation_truncate ON search_offering');
    await q.query('DROP TRIGGER search_generation_write ON search_offering');
    await q.query('DROP FUNCTION search_generation_bump()');
    await q.query('DROP TABLE search_generation');
  }
}
