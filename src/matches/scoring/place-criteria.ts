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

export interface PlainServiceArea {
  national: boolean;
  regions: readonly string[];
  departements: readonly string[];
  remoteDelivery: boolean;
}

/** Where proximity is measured from: the head office and the establishments a curator confirmed (decision 022). */
export interface VendorSites {
  headOffice: string;
  confirmedEstablishments: readonly string[];
}

/** Proximity from the vendor's nearest site (DESIGN §5.2), naming the site measured from. */
export function proximityCriterion(needCommune: string | null, sites: VendorSites, area: PlainServiceArea): ProximityResult {
  // Codes come from validated columns; unknown ones are simply not found by the lookups.
  const p = proximity(needCommune ?? '', [sites.headOffice, ...sites.confirmedEstablishments], area as ServiceArea);
  return { score: p.score, relation: p.relation, reason: `${PROXIMITY_REASONS[p.relation]}${measuredFrom(p.fromCommuneCode, sites)}.` };
}

/** " (siège à Paris)" or " (établissement confirmé à Nice)"; the head office wins a tie, being listed first. */
function measuredFrom(commune: string | null, sites: VendorSites): string {
  const name = commune ? findCommune(commune)?.name : undefined;
  if (!name) return '';
  return ` (${commune === sites.headOffice ? 'siège' : 'établissement confirmé'} ${inCommune(name)})`;
}

/** "à Nice", "au Cannet", "aux Mureaux": French contracts à with the article of a commune's name. */
export function inCommune(name: string): string {
  if (name.startsWith('Le ')) return `au ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `aux ${name.slice(4)}`;
  return `à ${name}`;
}
