import { groupsSql, withGroupLexemes } from './synonym-lexemes.js';

/**
 * The statements that index documents on PostgreSQL ($1: a JSON array of OfferingDocument).
 */

/** The documents' fields as the searched row and its combination of facet values need them. */
const PARSED_SQL = `
  SELECT (e->>'id')::uuid AS id, e AS doc, (e->>'version')::int AS version,
         (e->>'vendorId')::uuid AS vendor_id,
         ARRAY(SELECT jsonb_array_elements_text(e->'useCases')) AS use_cases,
         ARRAY(SELECT jsonb_array_elements_text(e->'sectors')) AS sectors,
         ARRAY(SELECT jsonb_array_elements_text(e->'regions')) AS regions,
         ARRAY(SELECT jsonb_array_elements_text(e->'departements')) AS departements,
         (e->>'national')::boolean AS national, e->>'grade' AS grade,
         e->>'dataResidency' AS data_residency,
         ARRAY(SELECT jsonb_array_elements_text(e->'requirementsMet')) AS requirements,
         (e->>'publishedAt')::timestamptz AS published_at,
         e->>'title' AS title, e->>'summary' AS summary, e->>'description' AS description,
         e->>'vendorName' AS vendor_name,
         array_to_string(ARRAY(SELECT jsonb_array_elements_text(e->'useCaseLabels')), ' ') AS use_case_labels,
         array_to_string(ARRAY(SELECT jsonb_array_elements_text(e->'sectorLabels')), ' ') AS sector_labels
    FROM jsonb_array_elements($1::jsonb) AS e`;

/**
 * An offering's combination of facet values is known by its keys (migrations SearchNarrowRows and
 * SearchFacetCombos): its service area as one short text, `N` when national, else its régions
 * and départements, `93,84|06,13`; its use cases, `DOC_PROCESSING,SALES_FORECAST`; grade and
 * data residency.
 */
const KEYED_SQL = `
  SELECT p.*, CASE WHEN p.national THEN 'N'
                   ELSE array_to_string(p.regions, ',') || '|' || array_to_string(p.departements, ',') END AS area_key,
         array_to_string(p.use_cases, ',') AS use_cases_key
    FROM (${PARSED_SQL}) AS p`;

/**
 * The combinations the documents have that the catalogue lacks, in key order; returns their
 * numbers, which the offerings may not end up using (an older version is ignored).
 */
export const COMBOS_SQL = `
  INSERT INTO search_facet_combo (national, regions, departements, use_cases, grade, data_residency, area_key, use_cases_key)
  SELECT DISTINCT ON (area_key, use_cases_key, grade, data_residency)
         national, regions, departements, use_cases, grade, data_residency, area_key, use_cases_key
    FROM (${KEYED_SQL}) AS d
   ORDER BY area_key, use_cases_key, grade, data_residency
  ON CONFLICT DO NOTHING
  RETURNING k`;

/**
 * The searched row (`search_offering`, an older version never replacing a newer one, with the
 * number of its combination, which COMBOS_SQL wrote first, and the lexemes of the synonym groups
 * it matches, $2: SYNONYM_LEXEMES_JSON), the document beside it
 * (`search_document`, read for a page and by the trigram match), the words the lexicon gains, and,
 * as its result, the words the replaced versions had and the written ones lack (to be pruned).
 * Every part reads the same snapshot, so `before` sees the rows as they were.
 */
export const UPSERT_SQL = `WITH input AS (
         SELECT d.*, c.k AS combo,
                lower(unaccent(d.title)) AS title_norm,
                lower(unaccent(concat_ws(' ', d.title, d.summary, d.use_case_labels, d.vendor_name))) AS search_text,
                setweight(to_tsvector('french', unaccent(d.title)), 'A') ||
                setweight(to_tsvector('french', unaccent(concat_ws(' ', d.summary, d.use_case_labels, d.vendor_name))), 'B') ||
                setweight(to_tsvector('french', unaccent(concat_ws(' ', d.description, d.sector_labels))), 'C') AS base
           FROM (${KEYED_SQL}) AS d
           JOIN search_facet_combo c
             ON (c.area_key, c.use_cases_key, c.grade, c.data_residency) = (d.area_key, d.use_cases_key, d.grade, d.data_residency)),
       groups AS MATERIALIZED (${groupsSql('$2')}),
       before AS (
         SELECT w FROM search_document d, search_document_words(d.doc) AS w WHERE d.id IN (SELECT id FROM input)),
       written AS (
       INSERT INTO search_offering AS s (id, version, vendor_id, sectors, requirements, published_at, tsv, combo)
       SELECT d.id, d.version, d.vendor_id, d.sectors, d.requirements, d.published_at,
              ${withGroupLexemes('d.base', 'groups')}, d.combo
         FROM input AS d
       ON CONFLICT (id) DO UPDATE SET
         version = EXCLUDED.version, vendor_id = EXCLUDED.vendor_id, sectors = EXCLUDED.sectors,
         requirements = EXCLUDED.requirements, published_at = EXCLUDED.published_at, tsv = EXCLUDED.tsv,
         combo = EXCLUDED.combo, indexed_at = now()
       WHERE s.version <= EXCLUDED.version
       RETURNING s.id),
       stored AS (
         INSERT INTO search_document AS sd (id, doc, title_norm, search_text)
         SELECT i.id, i.doc, i.title_norm, i.search_text FROM input i JOIN written USING (id)
         ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, title_norm = EXCLUDED.title_norm, search_text = EXCLUDED.search_text),
       after AS (SELECT DISTINCT w FROM input i JOIN written USING (id), search_document_words(i.doc) AS w),
       added AS (INSERT INTO search_word (word) SELECT w FROM after ORDER BY 1 ON CONFLICT DO NOTHING)
       SELECT w FROM before EXCEPT SELECT w FROM after`;

/** Of the combinations numbered $1, those no offering has any more go (the catalogue's set stays small). */
export const PRUNE_COMBOS_SQL = `
  DELETE FROM search_facet_combo c
   WHERE c.k = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM search_offering s WHERE s.combo = c.k)`;
