import type { DepartementCode, RegionCode } from '../../reference/data/geo.types.js';
import { findCommune, listDepartements, neighbourDepartements, neighbourRegions } from '../../reference/geo/geography.js';
import { departementCodePrefix } from './prerank.js';

/** How far the buyer looks for a vendor (the need form's words): local, regional or national. */
export type Reach = 'local' | 'regional' | 'national';

/** The départements a vendor must be of for the need's reach, or null when any will do. */
export interface ReachArea {
  reach: Exclude<Reach, 'national'>;
  departements: readonly string[];
}

/**
 * Issue 26, as the need form promises it: local = the need's département or a neighbouring one;
 * regional = its région or a neighbouring région; national (or unsaid, or a need with no place)
 * = anywhere. "Of" means the vendor's head office or a confirmed establishment.
 */
export function reachArea(reach: string | null, departementCode: string | null, regionCode: string | null): ReachArea | null {
  if (reach === 'local' && departementCode) {
    const d = departementCode as DepartementCode;
    return { reach, departements: [d, ...neighbourDepartements(d)].sort() };
  }
  if (reach === 'regional' && regionCode) {
    const regions = [regionCode as RegionCode, ...neighbourRegions(regionCode as RegionCode)];
    return { reach, departements: regions.flatMap((r) => listDepartements(r).map((d) => d.departementCode as string)).sort() };
  }
  return null;
}

/** The départements of a vendor's sites, read as the matching projection reads them (`vendor_departements`). */
export function siteDepartements(communes: readonly string[]): string[] {
  return [...new Set(communes.filter((c) => c).map(departementCodePrefix))].sort();
}

const REACH_WORDS: Readonly<Record<ReachArea['reach'], string>> = { local: 'local', regional: 'régional' };

/** Why a vendor whose sites are `vendorCommunes` (head office first) is out of the need's reach, or null when within it. */
export function outOfReach(area: ReachArea | null, vendorCommunes: readonly string[]): string | null {
  if (!area) return null;
  const within = new Set(area.departements);
  if (siteDepartements(vendorCommunes).some((d) => within.has(d))) return null;
  const head = vendorCommunes[0] ? findCommune(vendorCommunes[0]) : undefined;
  const where = head ? ` (fournisseur basé à ${head.name})` : '';
  return `Hors du périmètre ${REACH_WORDS[area.reach]} demandé${where}.`;
}

/** The next wider reach, for market depth's "en élargissant" counts. */
export const WIDER_REACHES: Readonly<Record<Reach, readonly Reach[]>> = {
  local: ['regional', 'national'],
  regional: ['national'],
  national: [],
};
