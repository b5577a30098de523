import { referenceData } from '../data/reference-data.js';
import type { CommuneCode, DepartementCode, Geography, RegionCode } from '../data/geo.types.js';

/** Where an offering is delivered (DESIGN §3, Offering.serviceArea). */
export interface ServiceArea {
  /** On-site anywhere in France. */
  readonly national: boolean;
  readonly regions: readonly RegionCode[];
  readonly departements: readonly DepartementCode[];
  /** Delivered remotely, wherever the buyer is. */
  readonly remoteDelivery: boolean;
}

/** Closest first. */
export const PROXIMITY_RELATIONS = [
  'same_departement',
  'adjacent_departement',
  'same_region',
  'adjacent_region',
  'on_site',
  'remote',
  'out_of_area',
] as const;
export type ProximityRelation = (typeof PROXIMITY_RELATIONS)[number];

/** DESIGN §5. `out_of_area` cannot be eligible; it is scored 0 so the function stays total. */
export const PROXIMITY_SCORES: Readonly<Record<ProximityRelation, number>> = {
  same_departement: 100,
  adjacent_departement: 80,
  same_region: 65,
  adjacent_region: 45,
  on_site: 40,
  remote: 30,
  out_of_area: 0,
};

/** One-line French reasons, for the score explanation; a local one is followed by the site it was measured from. */
export const PROXIMITY_REASONS: Readonly<Record<ProximityRelation, string>> = {
  same_departement: 'Fournisseur présent dans le même département',
  adjacent_departement: 'Fournisseur présent dans un département limitrophe',
  same_region: 'Fournisseur présent dans la même région',
  adjacent_region: 'Fournisseur présent dans une région limitrophe',
  on_site: 'Fournisseur plus éloigné, intervenant sur site dans cette zone',
  remote: 'Fournisseur plus éloigné, intervenant à distance',
  out_of_area: 'Zone d’intervention du fournisseur ne couvrant pas ce besoin',
};

export interface Proximity {
  readonly relation: ProximityRelation;
  readonly score: number;
  /** The vendor commune the relation was measured from, for a local relation. */
  readonly fromCommuneCode: CommuneCode | null;
}

/**
 * How close a vendor is to a need (DESIGN §5). Measured from the vendor's nearest site — HQ
 * commune and confirmed establishments alike (decision 022) — since circuits courts mean a real local presence;
 * the declared service area only says whether a farther vendor comes on site (40) or works
 * remotely (30). Unknown commune codes (e.g. communes merged by a newer millésime) are skipped,
 * so an unresolvable need falls back to the service area alone.
 */
export function proximity(
  needCommune: string,
  vendorCommunes: readonly string[],
  serviceArea: ServiceArea,
  geo: Geography = referenceData().geography,
): Proximity {
  const need = geo.communes.get(needCommune as CommuneCode);
  if (need) {
    let best: Proximity | undefined;
    for (const code of vendorCommunes) {
      const vendor = geo.communes.get(code as CommuneCode);
      if (!vendor) continue;
      const relation = localRelation(need.departementCode, need.regionCode, vendor.departementCode, vendor.regionCode, geo);
      if (relation && (!best || PROXIMITY_SCORES[relation] > best.score)) {
        best = { relation, score: PROXIMITY_SCORES[relation], fromCommuneCode: vendor.communeCode };
      }
    }
    if (best) return best;
  }
  const onSite =
    serviceArea.national ||
    (need !== undefined && (serviceArea.regions.includes(need.regionCode) || serviceArea.departements.includes(need.departementCode)));
  const relation: ProximityRelation = onSite ? 'on_site' : serviceArea.remoteDelivery ? 'remote' : 'out_of_area';
  return { relation, score: PROXIMITY_SCORES[relation], fromCommuneCode: null };
}

function localRelation(
  needDepartement: DepartementCode,
  needRegion: RegionCode,
  vendorDepartement: DepartementCode,
  vendorRegion: RegionCode,
  geo: Geography,
): ProximityRelation | undefined {
  if (needDepartement === vendorDepartement) return 'same_departement';
  if (geo.departementNeighbours.get(needDepartement)?.has(vendorDepartement)) return 'adjacent_departement';
  if (needRegion === vendorRegion) return 'same_region';
  if (geo.regionNeighbours.get(needRegion)?.has(vendorRegion)) return 'adjacent_region';
  return undefined;
}
