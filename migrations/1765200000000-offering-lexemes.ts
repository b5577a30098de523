import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lexical text relevance for matching (issue 26, decision 021): the distinct French lexemes of each
 * published offering's own words (title, summary, description — never the taxonomy labels of its
 * use cases), their document frequency and the catalogue's size, kept in step by a statement
 * trigger on `offering` in the writing transaction. Each lexeme is stored once per offering, so
 * repeating a word earns nothing. The need's budget may now be marked firm (`budget_firm`); an
 * unmarked budget is a fit criterion, not an eligibility rule.
 */
export class OfferingLexemes1765200000000 implements MigrationInterface {
  name = 'OfferingLexemes1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE need ADD COLUMN budget_firm boolean NOT NULL DEFAULT false');

    // The words matching reads of an offering: unaccented, French stemming and stop words.
    await q.query(`
      CREATE FUNCTION offering_lexemes(title text, summary text, description text) RETURNS text[] LANGUAGE sql STABLE AS $$
        SELECT coalesce(tsvector_to_array(to_tsvector('french', unaccent(concat_ws(' ', title, summary, description)))), '{}')
      $$`);
    // Keyword stuffing (one word repeated as a large share of the text) lowers the offering's text
    // relevance: the top lexeme's share of the words, beyond 20 % and 6 occurrences, scales it down
    // (decision 021). Ordinary prose stays at 1; a text that is a third one word gets about 0.6.
    await q.query(`
      CREATE FUNCTION offering_text_damping(title text, summary text, description text) RETURNS real LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN c.top >= 6 AND c.top > 0.2 * c.tok THEN (0.2 * c.tok / c.top)::real ELSE 1::real END
          FROM (SELECT coalesce(sum(array_length(positions, 1)), 0) AS tok, coalesce(max(array_length(positions, 1)), 0) AS top
                  FROM unnest(to_tsvector('french', unaccent(concat_ws(' ', title, summary, description))))) c
      $$`);
    await q.query(`CREATE TABLE offering_lexeme (
      lexeme text NOT NULL,
      offering_id uuid NOT NULL,
      PRIMARY KEY (lexeme, offering_id))`);
    await q.query('CREATE INDEX offering_lexeme_offering_idx ON offering_lexeme (offering_id)');
    await q.query(`CREATE TABLE offering_text (
      offering_id uuid PRIMARY KEY,
      lexemes text[] NOT NULL,
      lexeme_count integer NOT NULL,
      damping real NOT NULL)`);
    await q.query(`CREATE TABLE lexeme_df (
      lexeme text PRIMARY KEY,
      df integer NOT NULL)`);
    await q.query(`CREATE TABLE offering_text_stats (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      documents integer NOT NULL,
      lexemes bigint NOT NULL)`);
    await q.query('INSERT INTO offering_text_stats VALUES (true, 0, 0)');

    // Re-reads the listed offerings: a published one gets its lexemes, any other none. Document
    // frequencies move by the difference, in lexeme order (one lock order for every writer), and
    // the catalogue's size and total length (BM25's N and average length) by theirs.
    await q.query(`
      CREATE FUNCTION offering_text_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        emptied text[];
        old_docs integer;
        old_len bigint;
        docs_delta integer;
        len_delta bigint;
      BEGIN
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        -- A tsvector's lexemes are distinct: each is stored once per offering.
        WITH words AS MATERIALIZED (
               SELECT o.id AS offering_id, l AS lexeme
                 FROM offering o, unnest(offering_lexemes(o.title, o.summary, o.description)) l
                WHERE o.id = ANY (ids) AND o.status = 'published'),
             gone AS (
               DELETE FROM offering_lexeme x WHERE x.offering_id = ANY (ids)
                  AND NOT EXISTS (SELECT 1 FROM words w WHERE w.offering_id = x.offering_id AND w.lexeme = x.lexeme)
               RETURNING x.lexeme),
             added AS (
               INSERT INTO offering_lexeme (lexeme, offering_id) SELECT lexeme, offering_id FROM words
               ON CONFLICT DO NOTHING
               RETURNING lexeme),
             delta AS (
               SELECT lexeme, sum(d)::int AS d FROM (SELECT lexeme, -1 AS d FROM gone UNION ALL SELECT lexeme, 1 FROM added) c
                GROUP BY lexeme HAVING sum(d) <> 0),
             moved AS (
               INSERT INTO lexeme_df (lexeme, df) SELECT lexeme, d FROM delta ORDER BY lexeme
               ON CONFLICT (lexeme) DO UPDATE SET df = lexeme_df.df + EXCLUDED.df
               RETURNING lexeme, df)
        SELECT array_agg(lexeme) FILTER (WHERE df <= 0) INTO emptied FROM moved;
        IF emptied IS NOT NULL THEN DELETE FROM lexeme_df WHERE lexeme = ANY (emptied) AND df <= 0; END IF;

        SELECT count(*), coalesce(sum(lexeme_count), 0) INTO old_docs, old_len FROM offering_text WHERE offering_id = ANY (ids);
        DELETE FROM offering_text WHERE offering_id = ANY (ids);
        WITH after AS (
               INSERT INTO offering_text (offering_id, lexemes, lexeme_count, damping)
               SELECT o.id, x.lx, cardinality(x.lx), offering_text_damping(o.title, o.summary, o.description)
                 FROM offering o, LATERAL (SELECT offering_lexemes(o.title, o.summary, o.description) AS lx) x
                WHERE o.id = ANY (ids) AND o.status = 'published'
               RETURNING lexeme_count)
        SELECT count(*) - old_docs, coalesce(sum(lexeme_count), 0) - old_len INTO docs_delta, len_delta FROM after;
        IF docs_delta <> 0 OR len_delta <> 0 THEN
          UPDATE offering_text_stats SET documents = documents + docs_delta, lexemes = lexemes + len_delta;
        END IF;
      END $$`);

    // Only rows whose words or status changed are re-read: a grade or price change costs nothing here.
    await q.query(`
      CREATE FUNCTION offering_text_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM offering_text_refresh(ARRAY(SELECT id FROM new_rows WHERE status = 'published' ORDER BY id));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM offering_text_refresh(ARRAY(SELECT id FROM old_rows ORDER BY id));
        ELSE
          PERFORM offering_text_refresh(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE n.status IS DISTINCT FROM o.status OR n.title IS DISTINCT FROM o.title
                OR n.summary IS DISTINCT FROM o.summary OR n.description IS DISTINCT FROM o.description
             ORDER BY n.id));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      'CREATE TRIGGER offering_text_inserted AFTER INSERT ON offering REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION offering_text_on_write()',
    );
    await q.query(
      'CREATE TRIGGER offering_text_updated AFTER UPDATE ON offering REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION offering_text_on_write()',
    );
    await q.query(
      'CREATE TRIGGER offering_text_deleted AFTER DELETE ON offering REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION offering_text_on_write()',
    );

    await q.query("SELECT offering_text_refresh(ARRAY(SELECT id FROM offering WHERE status = 'published' ORDER BY id))");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER offering_text_deleted ON offering');
    await q.query('DROP TRIGGER offering_text_updated ON offering');
    await q.query('DROP TRIGGER offering_text_inserted ON offering');
    await q.query('DROP FUNCTION offering_text_on_write()');
    await q.query('DROP FUNCTION offering_text_refresh(uuid[])');
    await q.query('DROP TABLE offering_text_stats');
    await q.query('DROP TABLE lexeme_df');
    await q.query('DROP TABLE offering_text');
    await q.query('DROP TABLE offering_lexeme');
    await q.query('DROP FUNCTION offering_text_damping(text, text, text)');
    await q.query('DROP FUNCTION offering_lexemes(text, text, text)');
    await q.query('ALTER TABLE need DROP COLUMN budget_firm');
  }
}
