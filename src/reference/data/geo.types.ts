declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/**
 * INSEE codes are strings (`2A`, `971`, leading zeros) and collide across levels: région `93` is
 * Provence-Alpes-Côte d'Azur, département `93` is Seine-Saint-Denis. Distinct brands keep a
 * région code from ever being passed where a département code is expected.
 */
export type RegionCode = Brand<string, 'RegionCode'>;
export type DepartementCode = Brand<string, 'DepartementCode'>;
export type CommuneCode = Brand<string, 'CommuneCode'>;

export type GeoZone = 'metro' | 'drom';

export interface Region {
  readonly regionCode: RegionCode;
  readonly name: string;
  readonly zone: GeoZone;
  readonly chefLieuCommuneCode: CommuneCode;
}

export interface Departement {
  readonly departementCode: DepartementCode;
  readonly name: string;
  readonly regionCode: RegionCode;
  readonly zone: GeoZone;
  readonly chefLieuCommuneCode: CommuneCode;
}

export interface Commune {
  readonly communeCode: CommuneCode;
  readonly name: string;
  readonly departementCode: DepartementCode;
  readonly regionCode: RegionCode;
  readonly postalCodes: readonly string[];
  /** Population municipale (INSEE); null for the few uninhabited communes. */
  readonly population: number | null;
}

/** The loaded geography: read-only lookups built once from the packaged data. */
export interface Geography {
  readonly regions: ReadonlyMap<RegionCode, Region>;
  readonly departements: ReadonlyMap<DepartementCode, Departement>;
  readonly communes: ReadonlyMap<CommuneCode, Commune>;
  readonly departementNeighbours: ReadonlyMap<DepartementCode, ReadonlySet<DepartementCode>>;
  readonly regionNeighbours: ReadonlyMap<RegionCode, ReadonlySet<RegionCode>>;
  /** Communes sorted by population, largest first, with their search keys. */
  readonly communeIndex: readonly IndexedCommune[];
}

export interface IndexedCommune {
  readonly commune: Commune;
  /** Normalised name, and the same without its leading article ("le cannet" → "cannet"). */
  readonly keys: readonly string[];
  /** The keys without spaces, so "lisle" finds "L'Isle-Adam". */
  readonly compactKeys: readonly string[];
}
