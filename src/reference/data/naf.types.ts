/** NAF rév. 2 (INSEE). NAF 2025 replaces it on 1 January 2027, so every stored code carries its version. */
export const NAF_VERSIONS = ['NAFRev2'] as const;
export type NafVersion = (typeof NAF_VERSIONS)[number];
export const CURRENT_NAF_VERSION: NafVersion = 'NAFRev2';

/** The five levels, broadest first. */
export const NAF_LEVELS = ['section', 'division', 'groupe', 'classe', 'sous-classe'] as const;
export type NafLevel = (typeof NAF_LEVELS)[number];

export interface NafEntry {
  /** As INSEE and Sirene write it: `J`, `62`, `62.0`, `62.01`, `62.01Z`. */
  readonly code: string;
  readonly label: string;
  readonly level: NafLevel;
  /** The code one level up; null for a section. */
  readonly parentCode: string | null;
  readonly sectionCode: string;
  readonly nafVersion: NafVersion;
}

export interface NafNomenclature {
  readonly version: NafVersion;
  readonly byCode: ReadonlyMap<string, NafEntry>;
  /** Entries of each level in code order. */
  readonly byLevel: ReadonlyMap<NafLevel, readonly NafEntry[]>;
}
