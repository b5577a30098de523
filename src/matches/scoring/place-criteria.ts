import { findCommune } from '../../reference/geo/geography.js';
import { proximity, PROXIMITY_REASONS, type ProximityRelation, type ServiceArea } from '../../reference/geo/proximity.js';
import { sectorMatch, type SectorMatchKind } from '../../reference/sectors/sector-match.js';
import type { CriterionResult } from './ranking.js';

const SECTOR_REASONS: Readonly<Record<SectorMatchKind, string>> = {
  'sous-classe': 'Même activité (sous-classe NAF',
  classe: 'Même classe NAF',
  groupe: 'Même groupe NAF',
  division: 'Même division NAF',
  section: 'Même section NAF',
  cross_sector: 'Offre multisectorielle, sans secteur ciblé.',
  none: "Le secteur du besoin n'est pas ciblé par l'offre.",
};

/** The sector criterion of DESIGN §5.2 with its French reason. */
export function sectorCriterion(needSector: string | null, offeringSectors: readonly string[]): CriterionResult {
  if (!needSector && offeringSectors.length > 0) return { score: 0, reason: "Le secteur du besoin n'est pas précisé." };
  const m = sectorMatch(needSector ?? '', offeringSectors);
  const reason = m.sharedCode
    ? `${SECTOR_REASONS[m.match]} ${m.sharedCode}${m.match === 'sous-classe' ? ')' : ''}.`
    : SECTOR_REASONS[m.match];
  return { score: m.score, reason };
}

export interface ProximityResult extends CriterionResult {
  relation: ProximityRelation;
}

/** Proximity from the vendor's nearest establishment (DESIGN §5.2), naming the commune measured from. */
export interface PlainServiceArea {
  national: boolean;
  regions: readonly string[];
  departements: readonly string[];
  remoteDelivery: boolean;
}

export function proximityCriterion(needCommune: string | null, vendorCommunes: readonly string[], area: PlainServiceArea): ProximityResult {
  // Codes come from validated columns; unknown ones are simply not found by the lookups.
  const p = proximity(needCommune ?? '', vendorCommunes, area as ServiceArea);
  const from = p.fromCommuneCode ? findCommune(p.fromCommuneCode)?.name : undefined;
  return { score: p.score, relation: p.relation, reason: `${PROXIMITY_REASONS[p.relation]}${from ? ` (${from})` : ''}.` };
}
