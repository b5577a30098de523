import type { CatalogueQuery } from '../search-index.port.js';

/** A Meilisearch string literal: double-quoted, with quotes and backslashes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const anyOf = (field: string, values: string[]): string => `${field} IN [${values.map(quote).join(', ')}]`;

/** The filter expression for a catalogue query; undefined when nothing filters. */
export function buildFilter(query: Omit<CatalogueQuery, 'q' | 'page' | 'pageSize'>): string | undefined {
  const parts: string[] = [];
  if (query.useCases?.length) parts.push(anyOf('useCases', query.useCases));
  if (query.sectors?.length) parts.push(anyOf('sectors', query.sectors));
  if (query.region) parts.push(`(national = true OR regions = ${quote(query.region)})`);
  if (query.departement) parts.push(`(national = true OR departements = ${quote(query.departement)})`);
  if (query.grades?.length) parts.push(anyOf('grade', query.grades));
  if (query.dataResidencies?.length) parts.push(anyOf('dataResidency', query.dataResidencies));
  for (const requirement of query.requirements ?? []) parts.push(`requirementsMet = ${quote(requirement)}`);
  if (query.vendorId) parts.push(`vendorId = ${quote(query.vendorId)}`);
  return parts.length ? parts.join(' AND ') : undefined;
}
