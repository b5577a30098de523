import { referenceData } from '../data/reference-data.js';
import { NAF_LEVELS, type NafEntry, type NafLevel, type NafNomenclature } from '../data/naf.types.js';

const defaultNaf = (): NafNomenclature => referenceData().naf;

export function findNafCode(code: string, naf: NafNomenclature = defaultNaf()): NafEntry | undefined {
  return naf.byCode.get(code);
}

export function isNafCode(value: unknown, levels: readonly NafLevel[] = NAF_LEVELS, naf: NafNomenclature = defaultNaf()): value is string {
  if (typeof value !== 'string') return false;
  const entry = naf.byCode.get(value);
  return entry !== undefined && levels.includes(entry.level);
}

/** The code and its ancestors, narrowest first: 62.01Z, 62.01, 62.0, 62, J. Empty when unknown. */
export function nafLineage(code: string, naf: NafNomenclature = defaultNaf()): NafEntry[] {
  const lineage: NafEntry[] = [];
  for (let entry = naf.byCode.get(code); entry; entry = entry.parentCode ? naf.byCode.get(entry.parentCode) : undefined) {
    lineage.push(entry);
  }
  return lineage;
}

/** Whether `ancestor` is `code` itself or one of the levels above it. */
export function isWithinNaf(code: string, ancestor: string, naf: NafNomenclature = defaultNaf()): boolean {
  return nafLineage(code, naf).some((entry) => entry.code === ancestor);
}

/** Entries of a level in code order, optionally only those under `parentCode` (any level above). */
export function listNafCodes(level: NafLevel, parentCode?: string, naf: NafNomenclature = defaultNaf()): NafEntry[] {
  const entries = naf.byLevel.get(level) ?? [];
  return parentCode === undefined ? [...entries] : entries.filter((entry) => isWithinNaf(entry.code, parentCode, naf));
}

/** True when `upper` is a strictly broader level than `lower`. */
export const isBroaderNafLevel = (upper: NafLevel, lower: NafLevel): boolean => NAF_LEVELS.indexOf(upper) < NAF_LEVELS.indexOf(lower);
