import type { IntroductionEvent, IntroductionStatus } from '../../introductions/introduction-lifecycle.js';
import type { OtherLeadKind } from '../../matches/dto/match.dto.js';
import { CRITERIA, CRITERION_LABELS } from '../../matches/scoring/weights.js';
import type { NeedStatus } from '../../needs/need-lifecycle.js';
import {
  DATA_RESIDENCY_LABELS,
  EXTRATERRITORIAL_EXPOSURE_LABELS,
  INFERENCE_HOSTING_LABELS,
  JURISDICTION_LABELS,
  MODEL_LICENCE_LABELS,
  MODEL_ORIGIN_LABELS,
  NON_EU_CONTROL_LABELS,
  NON_EU_TRANSFERS_LABELS,
  SECNUMCLOUD_STATUS_LABELS,
  TRAINING_ON_CUSTOMER_DATA_LABELS,
} from '../../reference/sovereignty/sovereignty.labels.js';

/* French labels of the curators' pages: wording only, the rules stay in the services. */

/** The criteria in the order the stacked bars draw them, with their legend and colour class. */
export const CRITERION_LEGEND = CRITERIA.map((criterion) => ({ criterion, label: CRITERION_LABELS[criterion], css: `crit-${criterion}` }));

/**
 * "Autres pistes" by kind (GET /needs/:id/matches?includeExcluded=true). A kind must be given its
 * label here to compile; one that arrives before its label is still listed, with its reason.
 * off_topic also covers an offering sharing a use case whose text answers little: the reason says which.
 */
export const OTHER_LEAD_KIND_LABELS: Readonly<Record<OtherLeadKind, string>> = {
  off_topic: 'Texte trop éloigné du besoin',
  out_of_reach: 'Hors du périmètre demandé',
};

export const otherLeadKindLabel = (kind: string): string =>
  Object.hasOwn(OTHER_LEAD_KIND_LABELS, kind) ? OTHER_LEAD_KIND_LABELS[kind as keyof typeof OTHER_LEAD_KIND_LABELS] : 'Autre piste';

/** Tabs of the needs list: the queue first. */
export const NEED_TABS: readonly { status: NeedStatus; label: string; sort: string }[] = [
  { status: 'submitted', label: 'À relire', sort: 'submittedAt' },
  { status: 'published', label: 'Publiés', sort: '-publishedAt' },
  { status: 'changes_requested', label: 'Modifications demandées', sort: '-updatedAt' },
  { status: 'rejected', label: 'Refusés', sort: '-updatedAt' },
  { status: 'closed', label: 'Clos', sort: '-updatedAt' },
];

/** Columns of the introductions board and the statuses each gathers. */
export const BOARD_COLUMNS: readonly { key: string; label: string; statuses: readonly IntroductionStatus[] }[] = [
  { key: 'proposee', label: 'Proposée', statuses: ['proposed'] },
  { key: 'acceptee', label: "Acceptée d'un côté", statuses: ['vendor_accepted', 'buyer_accepted'] },
  { key: 'en-relation', label: 'En relation', statuses: ['connected'] },
  { key: 'rendez-vous', label: 'Rendez-vous tenu', statuses: ['meeting_held'] },
  { key: 'issue', label: 'Gagnée / perdue', statuses: ['won', 'lost'] },
  { key: 'close', label: 'Déclinée / annulée', statuses: ['vendor_declined', 'buyer_declined', 'cancelled'] },
];

/** Buttons for the events a curator may raise, as the DTO's allowedEvents lists them. */
export const CURATOR_EVENT_ACTIONS: Readonly<
  Partial<Record<IntroductionEvent, { label: string; path: string; outcome?: 'won' | 'lost' }>>
> = {
  meeting_held: { label: 'Rendez-vous tenu', path: 'rendez-vous' },
  won: { label: 'Contrat signé', path: 'issue', outcome: 'won' },
  lost: { label: 'Sans suite', path: 'issue', outcome: 'lost' },
  cancel: { label: 'Annuler', path: 'annuler' },
};

export const FUNNEL_STEP_LABELS: Readonly<Record<string, string>> = {
  proposed: 'Proposées',
  connected: 'En relation',
  meeting_held: 'Rendez-vous tenu',
  won: 'Contrat signé',
};

/** A ratio (0–1) as a French percentage, or a dash. */
export const share = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value * 100)} %`;

/** A duration in seconds, in days or hours. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const hours = seconds / 3600;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} jours`;
}

/** The French wording of a claim's declared value (the profile's codes), or the code itself. */
const CLAIM_VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'vendor.hqJurisdiction': JURISDICTION_LABELS,
  'vendor.nonEuControl': NON_EU_CONTROL_LABELS,
  'vendor.extraterritorialExposure': EXTRATERRITORIAL_EXPOSURE_LABELS,
  'hosting.dataResidency': DATA_RESIDENCY_LABELS,
  'hosting.providerJurisdiction': JURISDICTION_LABELS,
  'certifications.secNumCloud': SECNUMCLOUD_STATUS_LABELS,
  'ai.modelOrigin': MODEL_ORIGIN_LABELS,
  'ai.modelLicence': MODEL_LICENCE_LABELS,
  'ai.inferenceHosting': INFERENCE_HOSTING_LABELS,
  'ai.trainingOnCustomerData': TRAINING_ON_CUSTOMER_DATA_LABELS,
  'gdpr.nonEuTransfers': NON_EU_TRANSFERS_LABELS,
};

export function claimValueLabel(claim: string, value: string | boolean): string {
  if (value === true) return 'Oui';
  if (value === false) return 'Non';
  return CLAIM_VALUE_LABELS[claim]?.[value] ?? value;
}
