import type {
  Commune,
  CommuneCode,
  Departement,
  DepartementCode,
  GeoZone,
  Geography,
  IndexedCommune,
  Region,
  RegionCode,
} from './geo.types.js';
import { compact, nameKeys } from './normalise-name.js';

/** Rows as `@etalab/decoupage-administratif` ships them (only the fields read here). */
export interface RawRegion {
  code: string;
  nom: string;
  chefLieu: string;
  zone: string;
}
export interface RawDepartement extends RawRegion {
  region: string;
}
export interface RawCommune {
  code: string;
  nom: string;
  type: string;
  zone?: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
}
export interface RawAdjacency {
  departements: Record<string, string[]>;
  regions: Record<string, string[]>;
}

export interface RawGeography {
  regions: RawRegion[];
  departements: RawDepartement[];
  communes: RawCommune[];
  adjacency: RawAdjacency;
}

const isKeptZone = (zone: string | undefined): zone is GeoZone => zone === 'metro' || zone === 'drom';

/**
 * Keeps the 18 régions and 101 départements (collectivités d'outre-mer are not régions or
 * départements) and the current communes of those départements, then checks the adjacency file
 * against them so a bad data upgrade fails at start rather than in a score.
 */
export function buildGeography(raw: RawGeography): Geography {
  const regions = new Map<RegionCode, Region>();
  for (const r of raw.regions) {
    if (!isKeptZone(r.zone)) continue;
    const regionCode = r.code as RegionCode;
    regions.set(regionCode, { regionCode, name: r.nom, zone: r.zone, chefLieuCommuneCode: r.chefLieu as CommuneCode });
  }

  const departements = new Map<DepartementCode, Departement>();
  for (const d of raw.departements) {
    if (!isKeptZone(d.zone)) continue;
    const departementCode = d.code as DepartementCode;
    const regionCode = d.region as RegionCode;
    if (!regions.has(regionCode)) throw new Error(`Département ${d.code} refers to unknown région ${d.region}`);
    departements.set(departementCode, {
      departementCode,
      name: d.nom,
      regionCode,
      zone: d.zone,
      chefLieuCommuneCode: d.chefLieu as CommuneCode,
    });
  }

  const communes = new Map<CommuneCode, Commune>();
  for (const c of raw.communes) {
    if (c.type !== 'commune-actuelle' || !isKeptZone(c.zone)) continue;
    const departement = departements.get(c.departement as DepartementCode);
    if (!departement) throw new Error(`Commune ${c.code} refers to unknown département ${c.departement}`);
    const communeCode = c.code as CommuneCode;
    communes.set(communeCode, {
      communeCode,
      name: c.nom,
      departementCode: departement.departementCode,
      regionCode: departement.regionCode,
      postalCodes: Object.freeze([...(c.codesPostaux ?? [])]),
      population: c.population ?? null,
    });
  }

  return {
    regions,
    departements,
    communes,
    departementNeighbours: neighbours(raw.adjacency.departements, departements, 'département'),
    regionNeighbours: neighbours(raw.adjacency.regions, regions, 'région'),
    communeIndex: indexCommunes(communes),
  };
}

/** Symmetric neighbour sets; every known code gets one (empty for Corsica's régions and overseas). */
function neighbours<K extends string>(pairs: Record<string, string[]>, known: ReadonlyMap<K, unknown>, what: string): Map<K, Set<K>> {
  const out = new Map<K, Set<K>>([...known.keys()].map((code) => [code, new Set<K>()]));
  for (const [code, list] of Object.entries(pairs)) {
    for (const other of list) {
      const a = out.get(code as K);
      const b = out.get(other as K);
      if (!a || !b) throw new Error(`Adjacency file names unknown ${what} ${a ? other : code}`);
      a.add(other as K);
      b.add(code as K);
    }
  }
  return out;
}

function indexCommunes(communes: ReadonlyMap<CommuneCode, Commune>): IndexedCommune[] {
  return [...communes.values()]
    .sort((a, b) => (b.population ?? -1) - (a.population ?? -1) || a.communeCode.localeCompare(b.communeCode))
    .map((commune) => {
      const keys = nameKeys(commune.name);
      return { commune, keys, compactKeys: keys.map(compact) };
    });
}
