/**
 * The statement that indexes documents on PostgreSQL ($1: a JSON array of OfferingDocument): the
 * searched row (`search_offering`, an older version never replacing a newer one), the document
 * beside it (`search_document`, read only for a page), the words the lexicon gains, and, as its
 * result, the words the replaced versions had and the written ones lack (to be pruned). Every
 * part reads the same snapshot, so `before` sees the rows as they were.
 */

/**
 * An offering's service area as one short text, grouped on by the facet counts (migration
 * SearchNarrowRows): `N` when national, else its régions and départements, `93,84|06,13`.
 */
const AREA_KEY_SQL =
  "CASE WHEN d.national THEN 'N' ELSE array_to_string(d.regions, ',') || '|' || array_to_string(d.departements, ',') END";

export const UPSERT_SQL = `WITH input AS (SELECT (e->>'id')::uuid AS id, e AS doc FROM jsonb_array_elements($1::jsonb) AS e),
       before AS (
         SELECT w FROM search_document d, search_document_words(d.doc) AS w WHERE d.id IN (SELECT id FROM input)),
       written AS (
       INSERT INTO search_offering AS s
         (id, version, vendor_id, use_cases, sectors, regions, departements, national, grade,
          data_residency, requirements, published_at, title_norm, search_text, tsv, area_key, use_cases_key)
       SELECT d.id, d.version, d.vendor_id, d.use_cases, d.sectors, d.regions, d.departements, d.national,
              d.grade, d.data_residency, d.requirements, d.published_at,
              lower(unaccent(d.title)),
              lower(unaccent(concat_ws(' ', d.title, d.summary, d.use_case_labels, d.vendor_name))),
              setweight(to_tsvector('french', unaccent(d.title)), 'A') ||
              setweight(to_tsvector('french', unaccent(concat_ws(' ', d.summary, d.use_case_labels, d.vendor_name))), 'B') ||
              setweight(to_tsvector('french', unaccent(concat_ws(' ', d.description, d.sector_labels))), 'C'),
              ${AREA_KEY_SQL}, array_to_string(d.use_cases, ',')
         FROM (SELECT x.id, (e->>'version')::int AS version,
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
                 FROM (SELECT id, doc AS e FROM input) AS x) AS d
       ON CONFLICT (id) DO UPDATE SET
         version = EXCLUDED.version, vendor_id = EXCLUDED.vendor_id,
         use_cases = EXCLUDED.use_cases, sectors = EXCLUDED.sectors, regions = EXCLUDED.regions,
         departements = EXCLUDED.departements, national = EXCLUDED.national, grade = EXCLUDED.grade,
         data_residency = EXCLUDED.data_residency, requirements = EXCLUDED.requirements,
         published_at = EXCLUDED.published_at, title_norm = EXCLUDED.title_norm,
         search_text = EXCLUDED.search_text, tsv = EXCLUDED.tsv, area_key = EXCLUDED.area_key,
         use_cases_key = EXCLUDED.use_cases_key, indexed_at = now()
       WHERE s.version <= EXCLUDED.version
       RETURNING s.id),
       -- The document itself, read only for a page's offerings, lives beside the searched row.
       stored AS (
         INSERT INTO search_document AS sd (id, doc) SELECT i.id, i.doc FROM input i JOIN written USING (id)
         ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc),
       after AS (SELECT DISTINCT w FROM input i JOIN written USING (id), search_document_words(i.doc) AS w),
       added AS (INSERT INTO search_word (word) SELECT w FROM after ORDER BY 1 ON CONFLICT DO NOTHING)
       SELECT w FROM before EXCEPT SELECT w FROM after`;
