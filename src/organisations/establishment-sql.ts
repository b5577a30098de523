/**
 * The communes of an organisation's establishments that count (confirmed by a curator, decision
 * 022), as a `text[]` SQL expression over `alias.establishments`: matching, the vendors' place
 * filter and the local-win figures read the same rule from here.
 */
export const confirmedSiteCommunes = (alias: string): string =>
  `ARRAY(SELECT e->>'communeCode' FROM jsonb_array_elements(${alias}.establishments) e WHERE e ? 'communeCode' AND e->>'confirmedAt' IS NOT NULL)`;
