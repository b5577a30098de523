import type { NotificationKind } from './notification-kinds.js';

export interface TemplateData {
  /** First name or display name of the recipient. */
  recipientName: string;
  /** Title of the need or offering concerned. */
  title: string;
  /** Absolute link to the page where the recipient acts. */
  link: string;
  /** Curator's message, reason, or the other side's name once connected. */
  message?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
}

const SIGNATURE = "\n\n—\nCircuit IA · Maison de l'IA\nVous pouvez choisir les e-mails que vous recevez dans votre espace (Notifications).";

/** The French e-mails, plain text: short, one action each, the link last. */
export function render(kind: NotificationKind, d: TemplateData): RenderedMail {
  const hello = `Bonjour ${d.recipientName},\n\n`;
  const quoted = d.message ? `\n\n« ${d.message} »` : '';
  const body: Record<NotificationKind, RenderedMail> = {
    need_submitted: {
      subject: `Nouveau besoin à valider : ${d.title}`,
      text: `${hello}Le besoin « ${d.title} » vient d'être soumis et attend votre validation.\n\nLe consulter : ${d.link}`,
    },
    need_changes_requested: {
      subject: `Modifications demandées : ${d.title}`,
      text: `${hello}L'équipe de la Maison de l'IA vous demande de compléter votre besoin « ${d.title} » avant sa publication.${quoted}\n\nLe modifier : ${d.link}`,
    },
    need_published: {
      subject: `Votre besoin est publié : ${d.title}`,
      text: `${hello}Votre besoin « ${d.title} » est publié. Nous recherchons les fournisseurs les mieux placés et reviendrons vers vous avec des propositions de mise en relation.\n\nSuivre votre besoin : ${d.link}`,
    },
    need_rejected: {
      subject: `Votre besoin n'a pas été retenu : ${d.title}`,
      text: `${hello}Votre besoin « ${d.title} » n'a pas pu être retenu.${quoted}\n\nDétails : ${d.link}`,
    },
    introduction_proposed: {
      subject: `Proposition de mise en relation : ${d.title}`,
      text: `${hello}La Maison de l'IA vous propose une mise en relation au sujet de « ${d.title} ».${quoted}\n\nLes coordonnées ne sont échangées que si les deux parties acceptent.\n\nRépondre : ${d.link}`,
    },
    introduction_accepted: {
      subject: `Mise en relation acceptée par l'autre partie : ${d.title}`,
      text: `${hello}L'autre partie a accepté la mise en relation « ${d.title} ». Il ne manque plus que votre accord.\n\nRépondre : ${d.link}`,
    },
    introduction_connected: {
      subject: `Vous êtes en relation : ${d.title}`,
      text: `${hello}Les deux parties ont accepté la mise en relation « ${d.title} ». Vos coordonnées respectives sont désormais visibles.${quoted}\n\nVoir les coordonnées : ${d.link}`,
    },
    introduction_declined: {
      subject: `Mise en relation déclinée : ${d.title}`,
      text: `${hello}La mise en relation « ${d.title} » a été déclinée.${quoted}\n\nDétails : ${d.link}`,
    },
    introduction_reminder: {
      subject: `Rappel : une mise en relation attend votre réponse`,
      text: `${hello}La mise en relation « ${d.title} » attend toujours votre réponse.\n\nRépondre : ${d.link}`,
    },
    introduction_meeting_held: {
      subject: `Rendez-vous tenu : ${d.title}`,
      text: `${hello}Le rendez-vous de la mise en relation « ${d.title} » est noté comme tenu. Indiquez ensuite si elle aboutit à un contrat.\n\nSuivre la mise en relation : ${d.link}`,
    },
    introduction_won: {
      subject: `Contrat signé : ${d.title}`,
      text: `${hello}La mise en relation « ${d.title} » aboutit à un contrat.${quoted}\n\nMerci d'avoir fait confiance au circuit court de l'IA. Détails : ${d.link}`,
    },
    introduction_lost: {
      subject: `Mise en relation sans suite : ${d.title}`,
      text: `${hello}La mise en relation « ${d.title} » n'a pas abouti.${quoted}\n\nDétails : ${d.link}`,
    },
    introduction_cancelled: {
      subject: `Mise en relation annulée : ${d.title}`,
      text: `${hello}L'équipe de la Maison de l'IA a annulé la mise en relation « ${d.title} ».\n\nDétails : ${d.link}`,
    },
    outcome_survey: {
      subject: `Trois mois après : la solution retenue vous sert-elle ? (${d.title})`,
      text: `${hello}Il y a trois mois, votre mise en relation « ${d.title} » aboutissait à un contrat.${quoted}\n\nQuatre questions, une minute : la solution est-elle en service, tient-elle ce qui était déclaré (hébergement, modèle, usage des données), la recommanderiez-vous ? Vos réponses aident la Maison de l'IA à montrer les solutions qui tiennent leurs promesses.\n\nRépondre (sans vous connecter) : ${d.link}`,
    },
    vendor_verified: {
      subject: `Votre organisation est vérifiée : ${d.title}`,
      text: `${hello}L'équipe de la Maison de l'IA a vérifié « ${d.title} ». Vous pouvez maintenant publier vos offres.\n\nVotre espace : ${d.link}`,
    },
    vendor_refused: {
      subject: `Vérification de votre organisation : ${d.title}`,
      text: `${hello}L'équipe de la Maison de l'IA n'a pas pu vérifier « ${d.title} ».${quoted}\n\nVous pouvez répondre en écrivant à l'équipe depuis votre espace : ${d.link}`,
    },
    vendor_information_requested: {
      subject: `Une question pour vérifier votre organisation : ${d.title}`,
      text: `${hello}Pour vérifier « ${d.title} », l'équipe de la Maison de l'IA a besoin d'une précision :${quoted}\n\nRépondre depuis votre espace : ${d.link}`,
    },
    vendor_answered: {
      subject: `Réponse d'un fournisseur à vérifier : ${d.title}`,
      text: `${hello}« ${d.title} » a répondu à votre question ; sa vérification revient dans la file.${quoted}\n\nLa reprendre : ${d.link}`,
    },
    claim_evidence_expiring: {
      subject: `Un justificatif expire bientôt : ${d.title}`,
      text: `${hello}Un justificatif de votre offre « ${d.title} » arrive à échéance :${quoted}\n\nSans justificatif à jour, la déclaration ne sera plus comptée comme vérifiée après cette date. Déposez le nouveau justificatif : ${d.link}`,
    },
    claim_evidence_expired: {
      subject: `Justificatif expiré : ${d.title}`,
      text: `${hello}Un justificatif de votre offre « ${d.title} » a expiré :${quoted}\n\nLa déclaration redevient déclarative et la note de l'offre n'est plus « vérifiée ». Déposez un justificatif à jour pour qu'un curateur la vérifie de nouveau : ${d.link}`,
    },
  };
  const mail = body[kind];
  return { subject: mail.subject, text: `${mail.text}${SIGNATURE}` };
}
