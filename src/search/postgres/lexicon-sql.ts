import { TYPO_BUDGET } from '../typo-budget.js';

/** Longest lexicon word (migration SearchWord): a longer query word is kept as typed. */
export const MAX_WORD = 64;
/** Lexicon words a misspelt query word may be read as, at most (closest first). */
export const MAX_CORRECTIONS = 8;

/**
 * Each word of $1 with the lexicon's words within its typo budget (see PostgresSearchIndex.corrections).
 */
export const CORRECTIONS_SQL = `WITH t AS (SELECT tok, n FROM regexp_split_to_table(lower(unaccent($1)), '\\s+') WITH ORDINALITY AS x(tok, n)),
       q AS (
         SELECT w AS word, bool_and(t.tok LIKE '-%') AS negated, min(t.n) AS n,
                CASE WHEN length(w) >= ${TYPO_BUDGET.twoTypos} THEN 2 WHEN length(w) >= ${TYPO_BUDGET.oneTypo} THEN 1 ELSE 0 END AS k
           FROM t, regexp_split_to_table(t.tok, '[^[:alnum:]]+') AS w
          WHERE w <> '' GROUP BY w),
       asked AS (
         SELECT q.*, NOT q.negated AND q.k > 0 AND length(q.word) <= ${MAX_WORD}
                     AND to_tsvector('french', q.word) <> ''::tsvector
                     AND NOT EXISTS (SELECT 1 FROM search_word l WHERE l.word = q.word) AS correct
           FROM q)
       SELECT a.word, a.negated,
              CASE WHEN NOT a.correct THEN '{}'::text[] ELSE ARRAY(
                SELECT c.word FROM (
                  -- Same first letter, within the budget: one index range, then the distance.
                  SELECT l.word, levenshtein_less_equal(l.word, a.word, 2) AS cost FROM search_word l
                   WHERE left(l.word, 1) = left(a.word, 1)
                     AND length(l.word) BETWEEN length(a.word) - a.k AND length(a.word) + a.k
                     AND (levenshtein_less_equal(l.word, a.word, a.k) <= a.k
                          OR l.word IN (SELECT overlay(a.word PLACING substr(a.word, i + 1, 1) || substr(a.word, i, 1) FROM i FOR 2)
                                          FROM generate_series(2, length(a.word) - 1) AS i))
                  UNION ALL
                  -- A typo on the first letter costs the whole of a two-typo budget: the exact
                  -- readings with that one typo, found by primary key.
                  SELECT l.word, 2 FROM search_word l
                   WHERE a.k = 2 AND left(l.word, 1) <> left(a.word, 1)
                     AND l.word IN (SELECT ch || substr(a.word, 2) FROM string_to_table('abcdefghijklmnopqrstuvwxyz0123456789', NULL) AS ch
                                    UNION ALL SELECT ch || a.word FROM string_to_table('abcdefghijklmnopqrstuvwxyz0123456789', NULL) AS ch
                                    UNION ALL SELECT substr(a.word, 2)
                                    UNION ALL SELECT substr(a.word, 2, 1) || left(a.word, 1) || substr(a.word, 3))
                ) c ORDER BY c.cost, c.word LIMIT ${MAX_CORRECTIONS})
              END AS corrections
         FROM asked a ORDER BY a.n, a.word`;
