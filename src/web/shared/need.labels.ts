import { gradeName } from '../../reference/sovereignty/sovereignty-wording.js';
import type { WiderReachDto } from '../../matches/dto/match.dto.js';
import type { CloseOutcome, NeedMinGrade, NeedReach } from '../../needs/need.entity.js';
import type { NeedStatus } from '../../needs/need-lifecycle.js';

export const NEED_STATUS_LABELS: Readonly<Record<NeedStatus, string>> = {
  draft: 'Brouillon',
  submitted: 'En relecture',
  changes_requested: 'Modifications demandées',
  published: 'Publié',
  rejected: 'Refusé',
  closed: 'Clos',
};

/** How a need ended: the buyer's close form and the curator's read the same words. */
export const CLOSE_OUTCOME_LABELS: Readonly<Record<CloseOutcome, string>> = {
  won: 'Un fournisseur a été retenu',
  no_fit: 'Aucune solution ne convenait',
  abandoned: 'Projet abandonné',
};

/** Where the buyer looks for a vendor: the label, and the hint the buyer's form shows under it. */
export const REACH_LABELS: Readonly<Record<NeedReach, { label: string; hint: string }>> = {
  local: { label: 'Local', hint: 'Un fournisseur de mon département ou d’un département voisin.' },
  regional: { label: 'Régional', hint: 'Un fournisseur de ma région ou d’une région voisine.' },
  national: { label: 'National', hint: 'Un fournisseur de toute la France.' },
};

/** Where a wider reach would look, as the market depth tells the buyer ("En élargissant à …"), echoing REACH_LABELS' hints. */
export const WIDER_REACH_LABELS: Readonly<Record<WiderReachDto['reach'], string>> = {
  regional: 'à votre région et aux régions voisines',
  national: 'à toute la France',
};

/** One sentence per wider reach that would bring offerings; none for a reach that brings nothing or is unknown. */
export function widerReachLines(widerReach: readonly WiderReachDto[] | undefined): string[] {
  return (widerReach ?? [])
    .filter((w) => w.more > 0 && Object.hasOwn(WIDER_REACH_LABELS, w.reach))
    .map((w) => `En élargissant ${WIDER_REACH_LABELS[w.reach]} : ${w.more} offre${w.more > 1 ? 's' : ''} de plus`);
}

export const MIN_GRADE_LABELS: Readonly<Record<NeedMinGrade, string>> = {
  A: `Au moins ${gradeName('A')}`,
  B: `Au moins ${gradeName('B')}`,
  C: `Au moins ${gradeName('C')}`,
  D: `Au moins ${gradeName('D')}`,
};
