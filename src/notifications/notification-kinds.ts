/** The e-mails the platform sends (DESIGN §9); each can be muted by the user who would get it. */
export const NOTIFICATION_KINDS = [
  'need_submitted',
  'need_changes_requested',
  'need_published',
  'need_rejected',
  'introduction_proposed',
  'introduction_accepted',
  'introduction_connected',
  'introduction_declined',
  'introduction_reminder',
  'claim_evidence_expiring',
  'claim_evidence_expired',
  'introduction_meeting_held',
  'introduction_won',
  'introduction_lost',
  'introduction_cancelled',
  'outcome_survey',
  'vendor_verified',
  'vendor_refused',
  'vendor_information_requested',
  'vendor_answered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  need_submitted: 'Un besoin attend une validation (curateurs)',
  need_changes_requested: 'Des modifications sont demandées sur mon besoin',
  need_published: 'Mon besoin est publié',
  need_rejected: "Mon besoin n'est pas retenu",
  introduction_proposed: 'Une mise en relation m’est proposée',
  introduction_accepted: "L'autre partie a accepté la mise en relation",
  introduction_connected: 'La mise en relation est établie (coordonnées visibles)',
  introduction_declined: 'Une mise en relation est déclinée',
  introduction_reminder: 'Rappel : une mise en relation attend ma réponse',
  claim_evidence_expiring: 'Un justificatif de mon offre expire dans 30 jours',
  claim_evidence_expired: 'Un justificatif de mon offre a expiré',
  introduction_meeting_held: 'Un rendez-vous est noté sur une mise en relation',
  introduction_won: 'Une mise en relation aboutit à un contrat',
  introduction_lost: "Une mise en relation n'aboutit pas",
  introduction_cancelled: 'Une mise en relation est annulée',
  outcome_survey: 'Trois mois après un contrat : une question sur la solution retenue',
  vendor_verified: 'Mon organisation est vérifiée',
  vendor_refused: "La vérification de mon organisation n'aboutit pas",
  vendor_information_requested: "L'équipe me pose une question pour vérifier mon organisation",
  vendor_answered: 'Un fournisseur a répondu à une question de vérification (curateurs)',
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
