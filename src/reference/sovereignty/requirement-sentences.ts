import { HardRequirement } from './sovereignty.enums.js';

/**
 * Each hard requirement of a need in one plain French sentence (issue 23), for the buyer who sets
 * it and the vendor who must meet it: what the solution has to do, without the acronyms' jargon.
 */
export const REQUIREMENT_SENTENCES: Readonly<Record<HardRequirement, string>> = {
  [HardRequirement.SECNUMCLOUD_OFFERING]:
    "La solution elle-même doit être qualifiée SecNumCloud par l'ANSSI, le plus haut niveau de confiance pour un service en ligne en France.",
  [HardRequirement.SECNUMCLOUD_INFRA_OR_BETTER]:
    "La solution doit au moins tourner sur un hébergement qualifié SecNumCloud par l'ANSSI, protégé des lois étrangères.",
  [HardRequirement.HDS_CERTIFIED]:
    "Les données de santé doivent être confiées à un hébergeur certifié « Hébergeur de données de santé » (HDS), comme l'exige la loi.",
  [HardRequirement.DATA_IN_FRANCE]: 'Les données doivent être stockées en France.',
  [HardRequirement.DATA_IN_EU]: "Les données doivent être stockées dans l'Union européenne, ou chez vous.",
  [HardRequirement.NO_NON_EU_REMOTE_ACCESS]:
    "Personne hors de l'Union européenne (support, maintenance) ne doit pouvoir accéder aux données, même à distance.",
  [HardRequirement.NO_EXTRATERRITORIAL_EXPOSURE]:
    "Le fournisseur et ses hébergeurs ne doivent pas être soumis à des lois étrangères (comme le Cloud Act américain) qui pourraient forcer l'accès aux données.",
  [HardRequirement.ON_PREMISE_OR_PRIVATE]:
    'La solution doit pouvoir être installée chez vous ou dans un cloud privé réservé à votre organisation.',
  [HardRequirement.NO_TRAINING_ON_CUSTOMER_DATA]:
    "Vos données ne doivent jamais servir à entraîner ou améliorer le modèle d'IA du fournisseur.",
  [HardRequirement.GDPR_DPA]:
    'Le fournisseur doit signer un contrat de sous-traitance RGPD (article 28) qui dit ce qu’il peut faire des données personnelles.',
  [HardRequirement.NO_NON_EU_TRANSFERS]: "Les données ne doivent jamais être envoyées hors de l'Union européenne.",
  [HardRequirement.EU_MODEL]: "Le modèle d'IA utilisé doit être conçu en France ou en Europe.",
  [HardRequirement.OPEN_SOURCE_MODEL]: "Le modèle d'IA doit être sous licence libre : son code et ses poids sont publics et réutilisables.",
  [HardRequirement.SELF_HOSTABLE_MODEL]: "Le modèle d'IA doit pouvoir fonctionner sur vos propres serveurs, sans dépendre du fournisseur.",
  [HardRequirement.ISO27001]:
    'Le fournisseur doit être certifié ISO 27001, une norme qui atteste d’une sécurité de l’information bien gérée.',
  [HardRequirement.AI_ACT_NOT_HIGH_RISK]:
    'Le système d’IA ne doit pas relever du « haut risque » du règlement européen sur l’IA (AI Act), ou le fournisseur doit en démontrer la conformité.',
  [HardRequirement.DATA_EXPORT_OPEN_FORMAT]:
    'Vous devez pouvoir récupérer toutes vos données dans un format ouvert, pour changer de fournisseur sans les perdre.',
};

/** The expert requirements, folded under « Exigences avancées » on the pages. */
export const ADVANCED_REQUIREMENTS: ReadonlySet<string> = new Set<HardRequirement>([
  HardRequirement.SECNUMCLOUD_OFFERING,
  HardRequirement.SECNUMCLOUD_INFRA_OR_BETTER,
  HardRequirement.HDS_CERTIFIED,
  HardRequirement.NO_NON_EU_REMOTE_ACCESS,
  HardRequirement.NO_EXTRATERRITORIAL_EXPOSURE,
  HardRequirement.ISO27001,
  HardRequirement.AI_ACT_NOT_HIGH_RISK,
  HardRequirement.OPEN_SOURCE_MODEL,
  HardRequirement.SELF_HOSTABLE_MODEL,
]);

export interface RequirementLine {
  code: string;
  sentence: string;
}

/** A need's requirements as sentences, the everyday ones apart from the advanced ones; unknown codes are left out. */
export function requirementSentences(codes: readonly string[]): { everyday: RequirementLine[]; advanced: RequirementLine[] } {
  const lines = codes
    .filter((code): code is HardRequirement => code in REQUIREMENT_SENTENCES)
    .map((code) => ({ code, sentence: REQUIREMENT_SENTENCES[code] }));
  return {
    everyday: lines.filter((l) => !ADVANCED_REQUIREMENTS.has(l.code)),
    advanced: lines.filter((l) => ADVANCED_REQUIREMENTS.has(l.code)),
  };
}
