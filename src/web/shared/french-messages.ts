import type { ValidationError } from 'class-validator';
import type { DomainError } from '../../common/errors/domain-error.js';
import type { FieldError } from '../../common/errors/validation.js';

/** French text for each error code a page can meet; the API's English messages stay for integrators. */
export const ERROR_MESSAGES_FR: Readonly<Record<string, string>> = {
  VALIDATION_FAILED: 'Certains champs sont à corriger.',
  UNAUTHENTICATED: 'Connectez-vous pour continuer.',
  FORBIDDEN: "Vous n'avez pas accès à cette page ou à cette action.",
  NOT_FOUND: 'Cette page est introuvable.',
  CONFLICT: "L'action entre en conflit avec l'état actuel ; rechargez la page.",
  STALE_VERSION: "Quelqu'un a modifié cet élément entre-temps ; rechargez la page et recommencez.",
  INVALID_TRANSITION: "Cette action n'est plus possible dans l'état actuel.",
  RATE_LIMITED: 'Trop de tentatives depuis votre adresse ; réessayez dans une minute.',
  SERVICE_UNAVAILABLE: 'Un service nécessaire est momentanément indisponible ; réessayez dans un instant.',
  INVALID_CREDENTIALS: 'Adresse e-mail ou mot de passe incorrect.',
  EMAIL_TAKEN: 'Un compte utilise déjà cette adresse e-mail.',
  EMAIL_NOT_VERIFIED:
    "Confirmez d'abord votre adresse e-mail : cliquez sur le lien reçu à l'inscription, ou demandez-en un nouveau depuis la page « Confirmer mon adresse ».",
  EMAIL_ALREADY_VERIFIED: 'Votre adresse e-mail est déjà confirmée.',
  ACCOUNT_LINK_INVALID: "Ce lien n'est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau.",
  INTRODUCTION_NOT_FOUND: 'Mise en relation introuvable.',
  INTRODUCTION_INVALID_TRANSITION: "Cette mise en relation n'accepte plus cette action.",
  INTRODUCTION_NEED_NOT_PUBLISHED: 'Seul un besoin publié peut faire l’objet d’une mise en relation.',
  INTRODUCTION_NOT_ELIGIBLE: 'Cette offre ne respecte pas les exigences du besoin.',
  INTRODUCTION_ALREADY_OPEN: 'Une mise en relation est déjà en cours pour ce besoin et cette offre.',
  INTRODUCTION_NOT_A_PARTY: "Seuls le fournisseur et l'acheteur concernés peuvent répondre.",
  NEED_NOT_PUBLISHED: 'Les correspondances ne sont calculées que pour un besoin publié.',
  NEED_NOT_FOUND: 'Besoin introuvable.',
  NEED_NOT_EDITABLE: 'Seul un besoin en brouillon, ou renvoyé pour modification, peut être modifié.',
  NEED_INVALID_TRANSITION: "Ce besoin n'accepte pas cette action dans son état actuel.",
  NEED_INCOMPLETE: 'Le besoin est incomplet : complétez-le avant de le soumettre.',
  NEED_REQUIREMENT_MISSING: 'La sensibilité des données impose une exigence qui manque au besoin.',
  OFFERING_NOT_FOUND: 'Offre introuvable.',
  OFFERING_INVALID_TRANSITION: "Cette action n'est pas possible pour une offre dans cet état.",
  OFFERING_NOT_PUBLISHABLE: "L'offre ne peut pas encore être publiée : il manque des éléments.",
  OFFERING_NOT_EDITABLE: 'Une offre archivée ne peut plus être modifiée.',
  OFFERING_WITHOUT_PROFILE: "L'offre n'a pas de profil de souveraineté.",
  CLAIM_NOT_FOUND: 'Déclaration inconnue.',
  ORGANISATION_NOT_FOUND: 'Organisation introuvable.',
  USER_NOT_FOUND: 'Utilisateur introuvable.',
  VENDOR_NOT_FOUND: 'Fournisseur introuvable.',
  PARTNER_NOT_FOUND: 'Ce formulaire de partenaire est introuvable.',
  API_KEY_NOT_FOUND: 'Clé introuvable.',
  API_KEY_INVALID: 'Clé de partenaire absente, révoquée ou expirée.',
  API_KEY_SCOPE_MISSING: 'Cette clé ne permet pas cette action.',
  WEBHOOK_NOT_FOUND: 'Aucun webhook n’est déclaré.',
  DIAGNOSTIC_OTHER_COMPANY: 'Ce diagnostic a déjà été importé pour une autre entreprise.',
  INVITATION_NOT_FOUND: 'Ce lien d’invitation n’est pas valide.',
  INVITATION_USED: 'Ce lien a déjà servi : le besoin est dans votre espace acheteur.',
  INVITATION_EXPIRED: 'Ce lien a expiré : demandez au partenaire de vous renvoyer le besoin.',
  INVITATION_REPLACED: 'Ce lien a été remplacé par un plus récent : utilisez celui du dernier e-mail reçu.',
  INVITATION_NOT_RESENDABLE: 'Ce besoin a déjà été repris par l’acheteur : il n’y a plus d’invitation à renvoyer.',
  PARTNER_MEMBER_NOT_FOUND: 'Cette personne n’administre pas ce partenaire.',
  PARTNER_NEED_NOT_FOUND: 'Ce besoin est introuvable parmi ceux de ce partenaire.',
  INVITATION_OTHER_ORGANISATION:
    'Ce besoin concerne une autre entreprise : connectez-vous avec un compte de l’entreprise indiquée dans l’invitation.',
  SURVEY_LINK_INVALID: 'Ce lien de questionnaire n’est pas valide.',
  SURVEY_ALREADY_ANSWERED: 'Ce questionnaire a déjà reçu une réponse : merci, elle est bien enregistrée.',
  VENDOR_ALREADY_VERIFIED: 'Ce fournisseur est déjà vérifié.',
  VENDOR_VERIFICATION_INVALID_TRANSITION:
    "Cette étape de vérification n'est plus possible : la page a peut-être changé entre-temps. Rechargez-la.",
  ESTABLISHMENT_NOT_FOUND: "Ce fournisseur ne déclare pas d'établissement avec ce SIRET.",
  ESTABLISHMENT_OF_ANOTHER_COMPANY:
    'Le SIRET de cet établissement ne commence pas par le SIREN du fournisseur : il doit le corriger avant toute confirmation.',
  WEIGHTS_INVALID: 'Les pondérations sont invalides.',
  JUDGMENT_NOT_FOUND: 'Vous n’avez pas donné d’avis sur cette offre pour ce besoin.',
  MEMBERSHIP_NOT_PENDING: "Cette adhésion n'attend pas de validation.",
  ALREADY_EXISTS: 'Cet élément existe déjà.',
  PAYLOAD_TOO_LARGE: 'Ce formulaire dépasse la taille autorisée : raccourcissez les textes saisis, puis recommencez.',
  UNSUPPORTED_MEDIA_TYPE: 'Les formulaires de Circuit IA s’envoient depuis ses pages. Rechargez la page et recommencez.',
  EVENT_NOT_FOUND: "Ce rendez-vous d'affaires est introuvable.",
  EVENT_INVALID_TRANSITION: "Cette étape n'est pas possible dans l'état actuel du rendez-vous d'affaires.",
  EVENT_INVALID_HOURS: 'La fermeture doit suivre l’ouverture, avec la place d’au moins un rendez-vous.',
  EVENT_INVALID_DATES: "Le jour de l'événement ne peut pas être passé, et les inscriptions doivent fermer avant le premier rendez-vous.",
  EVENT_REGISTRATION_CLOSED: 'Les inscriptions et les souhaits sont clos pour ce rendez-vous d’affaires.',
  EVENT_FULL: 'Ce rendez-vous d’affaires est complet.',
  EVENT_REGISTRATION_INVALID: 'Cette inscription ne correspond pas à l’événement ou à votre organisation.',
  EVENT_NOT_REGISTERED: 'Votre organisation n’est pas inscrite à ce rendez-vous d’affaires.',
  EVENT_WISH_INVALID: 'Vos souhaits doivent être choisis parmi vos propositions, dans la limite indiquée.',
  EVENT_MEETING_NOT_FOUND: 'Ce rendez-vous n’est plus programmé (annulé, déjà pointé ou inconnu).',
  EVENT_PAIR_INVALID: 'Un binôme réunit un acheteur et un fournisseur inscrits à cet événement, avec une offre du fournisseur.',
  EVENT_NOT_ON_THE_DAY: 'Le pointage est ouvert une fois les rendez-vous programmés, jusqu’à l’archivage.',
  EVENT_SEAT_REFUSED: 'Ce changement est refusé : il ne respecte pas les règles de la grille.',
  INTERNAL_ERROR: 'Une erreur inattendue est survenue ; elle a été enregistrée.',
};

export function frenchErrorMessage(code: string, fallbackStatus?: number): string {
  return (
    ERROR_MESSAGES_FR[code] ??
    (fallbackStatus === 404
      ? ERROR_MESSAGES_FR.NOT_FOUND
      : fallbackStatus === 403
        ? ERROR_MESSAGES_FR.FORBIDDEN
        : "L'action n'a pas abouti.")
  );
}

/** What every refused date says (the date validators, an evidence's validity date). */
export const DATE_MESSAGE = 'Saisissez une date valide, par exemple 2028-06-30.';

/** class-validator constraint → French message; unknown constraints get a generic one. */
export const CONSTRAINT_MESSAGES: Readonly<Record<string, (args: unknown[], english: string) => string>> = {
  isNotEmpty: () => 'Ce champ est obligatoire.',
  isDefined: () => 'Ce champ est obligatoire.',
  isString: () => 'Ce champ est obligatoire.',
  isEmail: () => 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
  minLength: (a) => `Saisissez au moins ${String(a[0])} caractères.`,
  maxLength: (a) => `Saisissez au plus ${String(a[0])} caractères.`,
  isInt: () => 'Saisissez un nombre entier.',
  isNumber: () => 'Saisissez un nombre.',
  min: (a) => `La valeur doit être au moins ${String(a[0])}.`,
  max: (a) => `La valeur doit être au plus ${String(a[0])}.`,
  isIn: () => 'Choisissez une valeur dans la liste.',
  isEnum: () => 'Choisissez une valeur dans la liste.',
  isBoolean: () => 'Cochez ou décochez la case.',
  isUrl: () => 'Saisissez une adresse web complète, commençant par https://.',
  isUUID: () => 'Identifiant invalide.',
  // class-validator names the @IsUUID constraint `isUuid`.
  isUuid: () => 'Identifiant invalide.',
  // Every @Length of the DTOs starts at 1, so a single number quoted is the maximum; several are a custom message's.
  arrayMinSize: (a) => `Choisissez au moins ${String(a[0])} élément(s).`,
  arrayMaxSize: (a) => `Choisissez au plus ${String(a[0])} élément(s).`,
  arrayNotEmpty: () => 'Choisissez au moins un élément.',
  arrayUnique: () => 'Chaque valeur ne doit figurer qu’une fois.',
  isSiren: () => "Ce numéro SIREN n'existe pas : vérifiez les 9 chiffres.",
  isSiret: () => "Ce numéro SIRET n'existe pas : vérifiez les 14 chiffres.",
  isNafCode: () => 'Ce code NAF (APE) est inconnu : il figure sur votre avis de situation Insee, par exemple 62.01Z.',
  isCommuneCode: () => 'Commune inconnue : tapez son nom ou son code postal, puis choisissez dans la liste.',
  // Only the sign-up consent is an @Equals(true).
  equals: () =>
    "Cochez cette case pour créer votre compte : c'est votre accord avec les conditions d'utilisation et la politique de données personnelles.",
  isDepartementCode: () => 'Code département inconnu.',
  isRegionCode: () => 'Code région inconnu.',
  isUseCase: () => "Cas d'usage inconnu.",
  matches: () => "Le format n'est pas reconnu.",
  isPhoneNumber: () => 'Numéro de téléphone invalide.',
  whitelistValidation: () => 'Champ inattendu.',
  // @Length(min, max): class-validator says which bound failed only in its English message.
  isLength: (a, english) =>
    /longer/.test(english)
      ? Number(a[0]) <= 1
        ? 'Ce champ est obligatoire.'
        : `Saisissez au moins ${String(a[0])} caractères.`
      : /shorter/.test(english)
        ? `Saisissez au plus ${String(a[0])} caractères.`
        : "Le format n'est pas reconnu.",
  isCalendarDate: () => DATE_MESSAGE,
  isInstant: () => DATE_MESSAGE,
  isDayPast: () => "Saisissez une date passée ou celle d'aujourd'hui.",
  isNotBlank: () => 'Ce champ est obligatoire.',
  isObject: () => 'Ce champ est obligatoire.',
  isArray: () => 'Choisissez au moins un élément.',
  isHttpsOrigin: () => "Saisissez l'adresse https:// d'un site, par exemple https://www.cote-azur.cci.fr.",
  isReasonOfVerdict: () => 'Choisissez une raison qui correspond à votre avis.',
};

export const REQUIRED_MESSAGE = 'Ce champ est obligatoire.';

/** Nothing typed: whatever rules the field breaks, the one thing to say is that it is required. */
const isAbsent = (e: ValidationError): boolean => 'value' in e && (e.value === undefined || e.value === null || e.value === '');

/**
 * Flattens class-validator errors into French messages per field path (`organisation.siren`). A
 * field left empty gets only "obligatoire", not the format rules it also breaks (an empty e-mail
 * used to read "au plus 254 caractères").
 */
export function frenchFieldErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (list: ValidationError[], path: string) => {
    for (const e of list) {
      const isIndex = /^\d+$/.test(e.property);
      const field = path ? (isIndex ? `${path}[${e.property}]` : `${path}.${e.property}`) : e.property;
      if (e.constraints && isAbsent(e) && !(e.children ?? []).length) {
        out[field] = [REQUIRED_MESSAGE];
        continue;
      }
      for (const [name, english] of Object.entries(e.constraints ?? {})) {
        const args = (e.contexts?.[name] as { args?: unknown[] } | undefined)?.args ?? constraintArgs(english);
        const french = CONSTRAINT_MESSAGES[name]?.(args, english) ?? `Valeur refusée (${english}).`;
        const messages = (out[field] ??= []);
        if (!messages.includes(french)) messages.push(french);
      }
      walk(e.children ?? [], field);
    }
  };
  walk(errors, prefix);
  return out;
}

/** Numbers quoted in a class-validator default message, e.g. "must be shorter than or equal to 200 characters". */
function constraintArgs(english: string): unknown[] {
  return english.match(/\d+/g) ?? [];
}

/** Known English details of service-level validation, in French. */
const DETAIL_MESSAGES: Readonly<Record<string, string>> = {
  'siret must start with the siren': 'Le SIRET doit commencer par le SIREN.',
  'buyerType is required for buyers': "Précisez le type d'organisation.",
  'buyerType applies to buyers only': 'Ce champ ne concerne que les acheteurs.',
  'maxBudgetEur must be greater than or equal to minBudgetEur': 'Le budget maximum doit être supérieur ou égal au budget minimum.',
  'deadline must not be before desiredStart': "L'échéance ne peut pas précéder le début souhaité.",
  'siret must start with the organisation SIREN': 'Le SIRET doit commencer par le SIREN de votre organisation.',
  'siret is listed twice': 'Ce SIRET figure déjà dans un autre site.',
  'maxBudgetEur must be at least minBudgetEur': 'Le budget maximum doit être au moins égal au budget minimum.',
  'a summary is required to publish': 'Ajoutez un résumé.',
  'a description is required to publish': 'Ajoutez une description.',
  'at least one use case is required to publish': "Choisissez au moins un cas d'usage.",
  'the service area must be national, list régions or départements, or offer remote delivery':
    "Précisez la zone d'intervention : toute la France, des régions, des départements ou l'intervention à distance.",
  'a pricing model is required to publish': 'Choisissez un modèle de tarification.',
  'at least one target buyer type is required to publish': 'Choisissez au moins un type de client visé.',
  'the sovereignty profile is required to publish': 'Remplissez le profil de souveraineté.',
  'the vendor organisation must be verified by a curator before publishing':
    "Votre organisation doit d'abord être vérifiée par l'équipe de la Maison de l'IA.",
};

/** Field errors of a VALIDATION_FAILED raised by a service (checks across fields, passwords). */
export function frenchDomainFieldErrors(error: DomainError): Record<string, string[]> {
  const details = Array.isArray(error.details) ? (error.details as FieldError[]) : [];
  const out: Record<string, string[]> = {};
  for (const d of details) {
    if (!d || typeof d.field !== 'string') continue;
    out[d.field] = (d.messages ?? []).map((m) => DETAIL_MESSAGES[m] ?? passwordMessage(m) ?? `Valeur refusée (${m}).`);
  }
  return out;
}

/** The password rules' English messages (password-rules.ts), in plain French. */
const PASSWORD_MESSAGES: readonly [RegExp, string][] = [
  [/at least (\d+) characters/, 'Choisissez un mot de passe de $1 caractères au moins ; une phrase facile à retenir convient très bien.'],
  [/at most (\d+) characters/, 'Choisissez un mot de passe de $1 caractères au plus.'],
  [/too common/, 'Ce mot de passe est trop courant : choisissez une phrase à vous.'],
  [/repeat a single character/, "N'utilisez pas un seul caractère répété."],
  [/contain your e-mail/, 'Ne reprenez pas votre adresse e-mail dans le mot de passe.'],
];

export function passwordMessage(m: string): string | undefined {
  for (const [pattern, french] of PASSWORD_MESSAGES) {
    const found = pattern.exec(m);
    if (found) return french.replace('$1', found[1] ?? '');
  }
  if (/password/i.test(m)) {
    return 'Mot de passe trop faible : 12 caractères au moins, sans reprendre votre adresse e-mail ni un mot de passe courant.';
  }
  return undefined;
}
