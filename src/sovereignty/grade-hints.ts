import { BLOCK_LABELS, BLOCK_MAX, scoreSovereignty, type BlockKey, type ScoredProfile } from './sovereignty-score.js';
import { CLAIMS, claimValue, effectiveProfile, type ClaimKey, type ClaimStatus } from './sovereignty-claims.js';

/**
 * "What would raise this grade": for each block below its maximum, the declaration change that
 * would add the most points, found by SCORING the changed profile (never by hand-written rules),
 * so the promised gain is exactly what `scoreSovereignty` would give.
 */

/**
 * The improvements a vendor can make, as the phrase that names them. Only these values are
 * proposed (e.g. "no model at all" is never suggested); the points come from the score.
 */
export const IMPROVEMENT_PHRASES: Readonly<Partial<Record<ClaimKey, Readonly<Record<string, string>>>>> = {
  'vendor.hqJurisdiction': { FR: 'un siège statutaire en France', EU_EEA: 'un siège statutaire dans l’Union européenne' },
  'vendor.nonEuControl': {
    NONE: 'un capital sans contrôle extra-européen',
    MINORITY: 'une participation extra-européenne seulement minoritaire',
  },
  'vendor.extraterritorialExposure': { NO: 'l’absence d’exposition à une loi extraterritoriale non européenne' },
  'hosting.dataResidency': {
    FR: 'un hébergement des données en France',
    CUSTOMER_PREMISES: 'un hébergement des données chez le client',
    EU_EEA: 'un hébergement des données dans l’Union européenne',
    ADEQUATE_COUNTRY: 'un hébergement des données dans un pays reconnu adéquat par l’UE',
  },
  'hosting.providerJurisdiction': { FR: 'un hébergeur de droit français', EU_EEA: 'un hébergeur de droit européen' },
  'hosting.nonEuRemoteAccess': { false: 'la fin des accès à distance depuis l’extérieur de l’UE' },
  'certifications.secNumCloud': {
    OFFERING: 'la qualification SecNumCloud de l’offre',
    INFRASTRUCTURE_ONLY: 'un hébergement chez un prestataire qualifié SecNumCloud',
  },
  'certifications.iso27001': { true: 'une certification ISO 27001' },
  'certifications.hds': { true: 'une certification HDS (hébergement de données de santé)' },
  'ai.modelOrigin': {
    FR: 'un modèle d’IA français',
    IN_HOUSE_EU: 'un modèle d’IA développé en interne dans l’UE',
    EU_EEA: 'un modèle d’IA européen',
  },
  'ai.modelLicence': { OSI_OPEN_SOURCE: 'un modèle sous licence libre', OPEN_WEIGHT_RESTRICTED: 'un modèle à poids ouverts' },
  'ai.inferenceHosting': {
    CUSTOMER_HOSTED: 'un modèle qui tourne chez le client',
    VENDOR_HOSTED_EU: 'un modèle qui tourne chez le fournisseur dans l’UE',
    THIRD_PARTY_API_EU: 'un modèle appelé chez un tiers dans l’UE',
  },
  'ai.trainingOnCustomerData': {
    NEVER: 'l’engagement de ne jamais entraîner le modèle sur les données du client',
    OPT_IN: 'un entraînement sur les données du client seulement avec son accord',
    OPT_OUT: 'un entraînement sur les données du client qu’il peut refuser',
  },
  'gdpr.dpaArt28': { true: 'un contrat de sous-traitance RGPD (article 28)' },
  'gdpr.subprocessorsPublic': { true: 'une liste publique des sous-traitants' },
  'gdpr.nonEuTransfers': {
    NONE: 'l’absence de transfert de données hors UE',
    ADEQUACY: 'des transferts limités aux pays reconnus adéquats',
    SCC: 'des transferts encadrés par des clauses contractuelles types',
  },
};

export interface GradeChange {
  claim: ClaimKey;
  value: string | boolean;
}

export interface BlockHint {
  block: BlockKey;
  /** The declaration change(s) that would raise the block. */
  changes: GradeChange[];
  /** Points the TOTAL would gain once the changes are applied (and, for a rejected claim, accepted). */
  gain: number;
  /** One plain-French line: « Qualifications : la qualification SecNumCloud de l’offre ajouterait 20 points. » */
  text: string;
}

const BLOCKS = Object.keys(BLOCK_MAX) as BlockKey[];

const parseValue = (raw: string): string | boolean => (raw === 'true' ? true : raw === 'false' ? false : raw);

/** Every single change on offer: each claim moved to each improvement value it does not hold yet. */
function singleChanges(profile: ScoredProfile): GradeChange[] {
  const out: GradeChange[] = [];
  for (const [claim, phrases] of Object.entries(IMPROVEMENT_PHRASES) as [ClaimKey, Record<string, string>][]) {
    for (const raw of Object.keys(phrases)) {
      const value = parseValue(raw);
      if (claimValue(profile, claim) !== value) out.push({ claim, value });
    }
  }
  return out;
}

/** The profile with the changes applied. */
export function applyChanges<P extends ScoredProfile>(profile: P, changes: readonly GradeChange[]): P {
  let out: ScoredProfile = profile;
  for (const { claim, value } of changes) {
    const [section, field] = claim.split('.') as [keyof ScoredProfile, string];
    out = { ...out, [section]: { ...out[section], [field]: value } };
  }
  return out as P;
}

interface Candidate {
  changes: GradeChange[];
  blockGain: number;
  gain: number;
}

function best(profile: ScoredProfile, block: BlockKey, candidates: GradeChange[][]): Candidate | null {
  const before = scoreSovereignty(profile);
  let top: Candidate | null = null;
  for (const changes of candidates) {
    const after = scoreSovereignty(applyChanges(profile, changes));
    const blockGain = after.blocks[block] - before.blocks[block];
    const gain = after.total - before.total;
    if (blockGain <= 0 || gain <= 0) continue;
    if (!top || blockGain > top.blockGain || (blockGain === top.blockGain && gain > top.gain)) top = { changes, blockGain, gain };
  }
  return top;
}

function phrase(change: GradeChange, statuses: Partial<Record<ClaimKey, ClaimStatus>>, declared: ScoredProfile): string {
  const words = IMPROVEMENT_PHRASES[change.claim]?.[String(change.value)] ?? CLAIMS[change.claim].label;
  // A rejected claim is scored at its worst value: proving the declared value is what would count.
  const rejected = statuses[change.claim] === 'rejected' && claimValue(declared, change.claim) === change.value;
  return rejected ? `${words} (déclaration refusée : une preuve acceptée par l’équipe la ferait compter)` : words;
}

const points = (n: number): string => `${n} point${n > 1 ? 's' : ''}`;

/**
 * One hint per block below its maximum: the single change that raises the block most (ties: the
 * total most), or, when no single change raises it (e.g. a cap that two fields hold down), the best
 * pair. Computed on the profile as the platform trusts it (rejected claims at their worst value).
 */
export function gradeHints(declared: ScoredProfile, statuses: Partial<Record<ClaimKey, ClaimStatus>> = {}): BlockHint[] {
  const profile = effectiveProfile(declared, statuses);
  const score = scoreSovereignty(profile);
  const singles = singleChanges(profile);
  const hints: BlockHint[] = [];
  for (const block of BLOCKS) {
    if (score.blocks[block] >= BLOCK_MAX[block]) continue;
    let found = best(
      profile,
      block,
      singles.map((c) => [c]),
    );
    if (!found) {
      const pairs: GradeChange[][] = [];
      for (let i = 0; i < singles.length; i++)
        for (let j = i + 1; j < singles.length; j++) if (singles[i].claim !== singles[j].claim) pairs.push([singles[i], singles[j]]);
      found = best(profile, block, pairs);
    }
    if (!found) continue;
    const what = found.changes.map((c) => phrase(c, statuses, declared)).join(' et ');
    hints.push({
      block,
      changes: found.changes,
      gain: found.gain,
      text: `${BLOCK_LABELS[block]} : ${what} ajouterai${found.changes.length > 1 ? 'ent' : 't'} ${points(found.gain)}.`,
    });
  }
  return hints;
}
