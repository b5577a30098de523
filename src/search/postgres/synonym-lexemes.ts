import { createHash } from 'node:crypto';
import { SYNONYM_GROUPS, type SynonymGroup } from '../synonyms.js';

/**
 * The synonym table as the PostgreSQL index stores it (decision 040): every offering whose text has
 * any expression of a group carries that group's lexeme, so a search for the group looks up one
 * posting list instead of every expression's (an 11-expression group cost 7 ms of GIN work at 50k
 * offerings). The lexeme is `syn_` and a digest of the group's expressions: the French parser
 * splits words on `_`, so no text can produce it, and a group keeps its lexeme while its
 * expressions stay the same.
 */
export const groupLexeme = (group: SynonymGroup): string =>
  `syn_${createHash('sha256').update(group.terms.join('\n')).digest('hex').slice(0, 16)}`;

/** The groups as the indexing statement reads them ($2 of UPSERT_SQL). */
export const SYNONYM_LEXEMES_JSON = JSON.stringify(SYNONYM_GROUPS.map((g) => ({ lexeme: groupLexeme(g), terms: g.terms })));

/**
 * What the stored lexemes were built from: kept in `search_generation.synonyms`, compared at start
 * (a different table rebuilds them) and by every search (another table, or none yet: the
 * expressions are searched themselves, as before).
 */
export const SYNONYM_FINGERPRINT = createHash('sha256').update(SYNONYM_LEXEMES_JSON).digest('hex').slice(0, 32);

/**
 * The groups ($param: SYNONYM_LEXEMES_JSON), each with its lexeme and the tsquery a search builds
 * for it: each expression through websearch_to_tsquery over unaccented text, OR-ed.
 */
export const groupsSql = (param: string): string => `
  SELECT g->>'lexeme' AS lexeme,
         (SELECT string_agg('(' || q::text || ')', ' | ')
            FROM (SELECT websearch_to_tsquery('french', unaccent(t)) AS q FROM jsonb_array_elements_text(g->'terms') AS t) x
           WHERE numnode(q) > 0)::tsquery AS q
    FROM jsonb_array_elements(${param}::jsonb) AS g`;

/** `base` with the lexemes of the groups it matches (`groups`: a CTE of groupsSql). */
export const withGroupLexemes = (base: string, groups: string): string =>
  `(${base} || array_to_tsvector(ARRAY(SELECT g.lexeme FROM ${groups} g WHERE g.q IS NOT NULL AND ${base} @@ g.q ORDER BY 1)))`;

/** `tsv` without any group lexeme. */
export const withoutGroupLexemes = (tsv: string): string =>
  `ts_delete(${tsv}, ARRAY(SELECT l FROM unnest(tsvector_to_array(${tsv})) AS l WHERE l LIKE 'syn\\_%'))`;
