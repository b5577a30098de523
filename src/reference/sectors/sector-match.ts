import { referenceData } from '../data/reference-data.js';
import { listNafCodes, nafLineage } from './naf.js';
import type { NafLevel, NafNomenclature } from '../data/naf.types.js';

export type SectorMatchKind = NafLevel | 'cross_sector' | 'none';

/** DESIGN §5 / REFERENCE §2.4: the deeper the shared level, the better. */
export const SECTOR_MATCH_SCORES: Readonly<Record<SectorMatchKind, number>> = {
  'sous-classe': 100,
  classe: 90,
  groupe: 80,
  division: 65,
  section: 40,
  cross_sector: 25,
  none: 0,
};

export interface SectorMatch {
  readonly match: SectorMatchKind;
  readonly score: number;
  /** The deepest NAF code the need and the offering share; null for cross-sector or none. */
  readonly sharedCode: string | null;
}

/**
 * How well an offering's target sectors fit a need's sector: the deepest NAF level their codes
 * share (need 62.01Z and offering 62 share the division: 65). An offering with no sector is
 * cross-sector (25); codes unknown to NAF rév. 2 share nothing.
 */
export function sectorMatch(needCode: string, offeringSectors: readonly string[], naf: NafNomenclature = referenceData().naf): SectorMatch {
  if (offeringSectors.length === 0) return { match: 'cross_sector', score: SECTOR_MATCH_SCORES.cross_sector, sharedCode: null };
  const needLineage = nafLineage(needCode, naf);
  let best: SectorMatch = { match: 'none', score: 0, sharedCode: null };
  for (const sector of offeringSectors) {
    const offered = new Set(nafLineage(sector, naf).map((entry) => entry.code));
    const shared = needLineage.find((entry) => offered.has(entry.code));
    if (shared && SECTOR_MATCH_SCORES[shared.level] > best.score) {
      best = { match: shared.level, score: SECTOR_MATCH_SCORES[shared.level], sharedCode: shared.code };
    }
  }
  return best;
}

/**
 * The offering sectors (NAF sections and divisions, as offerings declare them) that a catalogue
 * filter on `codes` means: a section finds the offerings filed under any of its divisions, and a
 * division those filed under its section, which serve it too. Filtering on the codes as typed,
 * section O (public administration) found nothing while division 84 had offerings: a dead end
 * (an outside review).
 */
export function sectorFilterCodes(codes: readonly string[], naf: NafNomenclature = referenceData().naf): string[] {
  const out = new Set<string>();
  for (const code of codes) {
    out.add(code);
    for (const entry of nafLineage(code, naf)) if (entry.level === 'section' || entry.level === 'division') out.add(entry.code);
    if (naf.byCode.get(code)?.level === 'section') for (const division of listNafCodes('division', code, naf)) out.add(division.code);
  }
  return [...out];
}
