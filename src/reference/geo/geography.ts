import { referenceData } from '../data/reference-data.js';
import type { Commune, CommuneCode, Departement, DepartementCode, Geography, Region, RegionCode } from '../data/geo.types.js';

/*
 * Lookups over the loaded geography. Each takes the geography last, defaulting to the shared
 * copy, so the matching core calls them plainly and tests can hand in what they built.
 */

const defaultGeography = (): Geography => referenceData().geography;

export function isRegionCode(value: unknown, geo: Geography = defaultGeography()): value is RegionCode {
  return typeof value === 'string' && geo.regions.has(value as RegionCode);
}
export function isDepartementCode(value: unknown, geo: Geography = defaultGeography()): value is DepartementCode {
  return typeof value === 'string' && geo.departements.has(value as DepartementCode);
}
export function isCommuneCode(value: unknown, geo: Geography = defaultGeography()): value is CommuneCode {
  return typeof value === 'string' && geo.communes.has(value as CommuneCode);
}

export function findRegion(code: string, geo: Geography = defaultGeography()): Region | undefined {
  return geo.regions.get(code as RegionCode);
}
export function findDepartement(code: string, geo: Geography = defaultGeography()): Departement | undefined {
  return geo.departements.get(code as DepartementCode);
}
export function findCommune(code: string, geo: Geography = defaultGeography()): Commune | undefined {
  return geo.communes.get(code as CommuneCode);
}

export function departementOfCommune(code: string, geo: Geography = defaultGeography()): DepartementCode | undefined {
  return findCommune(code, geo)?.departementCode;
}
export function regionOfDepartement(code: string, geo: Geography = defaultGeography()): RegionCode | undefined {
  return findDepartement(code, geo)?.regionCode;
}
export function regionOfCommune(code: string, geo: Geography = defaultGeography()): RegionCode | undefined {
  return findCommune(code, geo)?.regionCode;
}

/** Land neighbours; none for overseas départements, and Corsica's two only touch each other. */
export function neighbourDepartements(code: DepartementCode, geo: Geography = defaultGeography()): DepartementCode[] {
  return [...(geo.departementNeighbours.get(code) ?? [])].sort();
}
export function neighbourRegions(code: RegionCode, geo: Geography = defaultGeography()): RegionCode[] {
  return [...(geo.regionNeighbours.get(code) ?? [])].sort();
}
export function areAdjacentDepartements(a: DepartementCode, b: DepartementCode, geo: Geography = defaultGeography()): boolean {
  return geo.departementNeighbours.get(a)?.has(b) ?? false;
}
export function areAdjacentRegions(a: RegionCode, b: RegionCode, geo: Geography = defaultGeography()): boolean {
  return geo.regionNeighbours.get(a)?.has(b) ?? false;
}

/** Régions in code order (the five overseas régions 01–06 first). */
export function listRegions(geo: Geography = defaultGeography()): Region[] {
  return [...geo.regions.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}
/** Départements in code order, optionally of one région. */
export function listDepartements(regionCode?: RegionCode, geo: Geography = defaultGeography()): Departement[] {
  return [...geo.departements.values()]
    .filter((d) => regionCode === undefined || d.regionCode === regionCode)
    .sort((a, b) => a.departementCode.localeCompare(b.departementCode));
}
