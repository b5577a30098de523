/**
 * Messages shown after a redirect, chosen by a code in the query string (`?message=need-submitted`):
 * a fixed list, so nothing a link carries is ever reflected into a page.
 */
export const FLASH_MESSAGES = {
  'signed-in': 'Vous êtes connecté.',
  'signed-out': 'Vous êtes déconnecté.',
  registered: 'Votre compte est créé. Bienvenue sur Circuit IA !',
  'registered-pending':
    'Votre compte est créé. Un membre de votre organisation doit encore valider votre adhésion ; confirmez aussi votre adresse e-mail avec le lien reçu.',
  'profile-saved': 'Le profil est enregistré.',
  'offering-created': "L'offre est créée en brouillon.",
  'offering-saved': "L'offre est enregistrée.",
  'offering-published': "L'offre est publiée dans le catalogue.",
  'offering-archived': "L'offre est archivée.",
  'need-saved': 'Le besoin est enregistré en brouillon.',
  'need-changes-saved': 'Vos modifications sont enregistrées ; soumettez de nouveau le besoin quand il est prêt.',
  'need-submitted': "Le besoin est transmis à l'équipe de la Maison de l'IA, qui le relit avant publication.",
  'need-closed': 'Le besoin est clos.',
  'need-published': 'Le besoin est publié.',
  'need-changes-requested': "La demande de modification est envoyée à l'acheteur.",
  'need-rejected': 'Le besoin est refusé.',
  'introduction-proposed': 'La mise en relation est proposée au fournisseur et à l’acheteur.',
  'introduction-accepted': 'Vous avez accepté la mise en relation.',
  'introduction-declined': 'Vous avez décliné la mise en relation.',
  'introduction-updated': 'La mise en relation est mise à jour.',
  'vendor-verified': 'Le fournisseur est vérifié.',
  'establishment-confirmed': "L'établissement est confirmé : il compte désormais pour la proximité avec les besoins.",
  'establishment-unconfirmed': "La confirmation de l'établissement est retirée : il ne compte plus pour la proximité.",
  'claim-verified': 'La déclaration est vérifiée.',
  'claim-rejected': 'La déclaration est rejetée.',
  'judgment-saved': 'Votre avis est enregistré.',
  'judgment-removed': 'Votre avis est retiré.',
  'lead-interested': "C'est noté : l'équipe de la Maison de l'IA sait que vous êtes intéressé et peut proposer la mise en relation.",
  'lead-declined': "C'est noté : merci, votre raison aide l'équipe à mieux cibler les prochaines pistes.",
  'alerts-saved': 'Vos préférences d’alertes sont enregistrées.',
  'registered-verify':
    'Votre compte est créé. Un e-mail de confirmation vient de partir : cliquez sur son lien pour pouvoir publier ou soumettre.',
  'password-reset': 'Votre mot de passe est changé, et vos autres sessions sont fermées. Connectez-vous avec le nouveau.',
  'email-verified': 'Votre adresse e-mail est confirmée. Merci !',
  'meeting-registered': 'Votre inscription est enregistrée. Choisissez maintenant les interlocuteurs que vous souhaitez rencontrer.',
  'meeting-wishes-saved': 'Vos souhaits de rendez-vous sont enregistrés.',
  'meeting-checked-in': 'Le pointage du rendez-vous est enregistré.',
  'partner-key-revoked': 'La clé est révoquée : les outils qui l’utilisent sont refusés dès maintenant.',
  'colleague-invited': 'L’invitation est partie : votre collègue choisira son mot de passe avec le lien reçu (valable 3 jours).',
  'colleague-removed': 'Votre collègue n’a plus accès à l’espace partenaire ; son compte est effacé.',
  'webhook-saved': 'L’adresse du webhook est enregistrée ; son secret ne change pas.',
  'webhook-removed': 'Le webhook est supprimé : plus aucune notification n’est envoyée.',
  'invitation-resent': 'Un nouveau lien est parti à l’adresse de l’entreprise ; le lien précédent ne fonctionne plus.',
  'verification-sent': 'Un nouvel e-mail de confirmation vient de partir. Pensez à regarder dans les indésirables.',
} as const;

export type FlashCode = keyof typeof FLASH_MESSAGES;

export const withFlash = (path: string, code: FlashCode): string => `${path}${path.includes('?') ? '&' : '?'}message=${code}`;
