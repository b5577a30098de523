import type { IntroductionStatus } from '../../introductions/introduction-lifecycle.js';

/** Who reads the introduction's page. */
export type IntroductionViewer = 'vendor' | 'buyer' | 'curator';

/**
 * "What happens next", one plain-French sentence per status and per viewer (issue 23). The
 * reminder job e-mails a side still silent after `reminderDays` days (null: reminders are off).
 * What the sentences promise follows the introduction e-mails (introduction-notifications.handler).
 */
type Sentences = Readonly<Record<IntroductionViewer, (reminder: string) => string>>;

/** Both sides' sentences, from the one that acted and the other one. */
const bySide = (
  side: 'vendor' | 'buyer',
  acted: Sentences['vendor'],
  other: Sentences['vendor'],
  curator: Sentences['vendor'],
): Sentences => (side === 'vendor' ? { vendor: acted, buyer: other, curator } : { vendor: other, buyer: acted, curator });

const NAMES = {
  vendor: { subject: 'Le fournisseur', of: 'du fournisseur', object: 'le fournisseur' },
  buyer: { subject: "L'acheteur", of: "de l'acheteur", object: "l'acheteur" },
} as const;
const otherSide = (side: 'vendor' | 'buyer'): 'vendor' | 'buyer' => (side === 'vendor' ? 'buyer' : 'vendor');

/** The same sentence for both sides, and the curators' own. */
const bothSides = (sides: string, curator: string): Sentences => ({ vendor: () => sides, buyer: () => sides, curator: () => curator });

/** One side accepted first: it waits, the other one decides. */
const acceptedBy = (side: 'vendor' | 'buyer'): Sentences =>
  bySide(
    side,
    (reminder) => `Vous avez accepté : vous recevrez un e-mail dès que ${NAMES[otherSide(side)].object} aura répondu${reminder}.`,
    () =>
      `${NAMES[side].subject} a accepté : acceptez à votre tour pour recevoir ses coordonnées, ou déclinez si l'échange ne vous intéresse pas.`,
    (reminder) => `${NAMES[side].subject} a accepté ; la réponse ${NAMES[otherSide(side)].of} est attendue${reminder}.`,
  );

/** One side declined: the introduction is closed. */
const declinedBy = (side: 'vendor' | 'buyer'): Sentences =>
  bySide(
    side,
    () => 'Vous avez décliné : cette mise en relation est close, vous n’avez plus rien à faire.',
    () =>
      `${NAMES[side].subject} a décliné : cette mise en relation est close ; l'équipe de la Maison de l'IA en est informée et peut vous proposer un autre contact.`,
    () => `Close : ${NAMES[side].object} a décliné ; une autre mise en relation peut être proposée.`,
  );

const SENTENCES: Readonly<Record<IntroductionStatus, Sentences>> = {
  proposed: {
    vendor: (reminder) =>
      `À vous de répondre, comme à l'acheteur${reminder} ; vous recevrez un e-mail quand l'acheteur aura répondu, et ses coordonnées quand vous aurez accepté tous les deux.`,
    buyer: (reminder) =>
      `À vous de répondre, comme au fournisseur${reminder} ; vous recevrez un e-mail quand le fournisseur aura répondu, et ses coordonnées quand vous aurez accepté tous les deux.`,
    curator: (reminder) => `Le fournisseur et l'acheteur doivent chacun accepter ou décliner${reminder}.`,
  },
  vendor_accepted: acceptedBy('vendor'),
  buyer_accepted: acceptedBy('buyer'),
  connected: {
    vendor: () => "Vous êtes en relation : contactez l'acheteur, puis indiquez ici quand le rendez-vous a eu lieu.",
    buyer: () => 'Vous êtes en relation : contactez le fournisseur, puis indiquez ici quand le rendez-vous a eu lieu.',
    curator: () => 'Les deux parties ont reçu leurs coordonnées ; l’une d’elles indiquera quand le rendez-vous a eu lieu.',
  },
  vendor_declined: declinedBy('vendor'),
  buyer_declined: declinedBy('buyer'),
  meeting_held: bothSides(
    "Le rendez-vous a eu lieu : indiquez ici, le moment venu, si un contrat est signé ou si l'affaire est sans suite.",
    'Le rendez-vous a eu lieu ; l’une des parties, ou vous, indiquera si un contrat est signé ou non.',
  ),
  won: bothSides(
    'Contrat signé : la mise en relation est terminée, vous n’avez plus rien à faire ici.',
    'Terminée : un contrat est signé ; elle compte dans les indicateurs.',
  ),
  lost: {
    vendor: () => 'Sans suite : la mise en relation est close, vous n’avez plus rien à faire ici.',
    buyer: () => "Sans suite : la mise en relation est close ; l'équipe de la Maison de l'IA peut vous proposer un autre contact.",
    curator: () => 'Close sans suite ; une autre offre peut être proposée pour ce besoin.',
  },
  cancelled: bothSides(
    "L'équipe de la Maison de l'IA a annulé cette mise en relation : elle est close, vous n’avez plus rien à faire.",
    'Annulée : elle est close ; les deux parties en sont informées.',
  ),
};

/** What happens next for this viewer, in one sentence. */
export function introductionNextStep(status: IntroductionStatus, viewer: IntroductionViewer, reminderDays: number | null): string {
  const reminder = reminderDays ? ` (un rappel part par e-mail après ${reminderDays} jour${reminderDays > 1 ? 's' : ''} sans réponse)` : '';
  return SENTENCES[status][viewer](reminder);
}
