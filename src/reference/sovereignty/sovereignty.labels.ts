import {
  AiActRiskClass,
  AiActRole,
  DataResidency,
  DataSensitivity,
  DeploymentMode,
  HardRequirement,
  InferenceHosting,
  ModelLicence,
  ModelOrigin,
  NonEuControl,
  NonEuTransfers,
  SecNumCloudStatus,
  TrainingOnCustomerData,
  TrustLabel,
  type ExtraterritorialExposure,
  type HdsActivity,
  type JurisdictionOfControl,
  type SovereigntyBlock,
  type SovereigntyGrade,
  type Zone,
} from './sovereignty.enums.js';

/* French labels, typed as complete records: adding a value without its label does not compile. */

export const ZONE_LABELS: Readonly<Record<Zone, string>> = {
  FR: 'France',
  EU_EEA: 'Union européenne / EEE',
  ADEQUATE_COUNTRY: "Pays bénéficiant d'une décision d'adéquation",
  OTHER: 'Autre pays',
  UNKNOWN: 'Non précisé',
};

export const JURISDICTION_LABELS: Readonly<Record<JurisdictionOfControl, string>> = {
  FR: 'France',
  EU_EEA: 'Union européenne / EEE',
  US: 'États-Unis',
  CN: 'Chine',
  UK: 'Royaume-Uni',
  OTHER: 'Autre pays',
  UNKNOWN: 'Non précisé',
};

export const EXTRATERRITORIAL_EXPOSURE_LABELS: Readonly<Record<ExtraterritorialExposure, string>> = {
  NO: 'Non soumis à une loi extraterritoriale non européenne',
  YES: 'Soumis à une loi extraterritoriale non européenne (CLOUD Act, FISA…)',
  UNKNOWN: 'Non précisé',
};

export const SECNUMCLOUD_STATUS_LABELS: Readonly<Record<SecNumCloudStatus, string>> = {
  [SecNumCloudStatus.OFFERING]: 'Offre qualifiée SecNumCloud',
  [SecNumCloudStatus.INFRASTRUCTURE_ONLY]: 'Hébergée sur une infrastructure qualifiée SecNumCloud',
  [SecNumCloudStatus.IN_PROGRESS]: 'Qualification SecNumCloud en cours',
  [SecNumCloudStatus.NONE]: 'Pas de qualification SecNumCloud',
};

export const NON_EU_CONTROL_LABELS: Readonly<Record<NonEuControl, string>> = {
  [NonEuControl.NONE]: 'Aucun contrôle extra-européen (≤ 24 % individuellement, ≤ 39 % collectivement)',
  [NonEuControl.MINORITY]: 'Participation extra-européenne minoritaire, au-delà de ces seuils',
  [NonEuControl.MAJORITY]: 'Contrôlé par une entité extra-européenne',
};

export const DATA_RESIDENCY_LABELS: Readonly<Record<DataResidency, string>> = {
  [DataResidency.FR]: 'Données stockées et traitées en France',
  [DataResidency.EU_EEA]: 'Données stockées et traitées dans l’UE / EEE',
  [DataResidency.ADEQUATE_COUNTRY]: "Données dans un pays bénéficiant d'une décision d'adéquation",
  [DataResidency.OTHER]: 'Données dans un autre pays',
  [DataResidency.CUSTOMER_PREMISES]: 'Données chez le client (sur site)',
  [DataResidency.UNKNOWN]: 'Localisation non précisée',
};

export const DEPLOYMENT_MODE_LABELS: Readonly<Record<DeploymentMode, string>> = {
  [DeploymentMode.SAAS_SHARED]: 'SaaS mutualisé',
  [DeploymentMode.SAAS_DEDICATED]: 'SaaS dédié',
  [DeploymentMode.PRIVATE_CLOUD]: 'Cloud privé',
  [DeploymentMode.ON_PREMISE]: 'Sur site (on-premise)',
  [DeploymentMode.EDGE]: 'Embarqué / en périphérie (edge)',
};

export const MODEL_ORIGIN_LABELS: Readonly<Record<ModelOrigin, string>> = {
  [ModelOrigin.FR]: 'Modèle français',
  [ModelOrigin.EU_EEA]: 'Modèle européen',
  [ModelOrigin.IN_HOUSE_EU]: 'Modèle développé en interne, dans l’UE',
  [ModelOrigin.US]: 'Modèle américain',
  [ModelOrigin.CN]: 'Modèle chinois',
  [ModelOrigin.OTHER]: 'Modèle d’une autre origine',
  [ModelOrigin.NONE]: 'Pas de modèle d’apprentissage (règles uniquement)',
};

export const MODEL_LICENCE_LABELS: Readonly<Record<ModelLicence, string>> = {
  [ModelLicence.OSI_OPEN_SOURCE]: 'Licence libre (OSI : Apache-2.0, MIT…)',
  [ModelLicence.OPEN_WEIGHT_RESTRICTED]: 'Poids ouverts sous licence restrictive',
  [ModelLicence.PROPRIETARY]: 'Propriétaire',
  [ModelLicence.NONE]: 'Sans objet (pas de modèle)',
};

export const INFERENCE_HOSTING_LABELS: Readonly<Record<InferenceHosting, string>> = {
  [InferenceHosting.CUSTOMER_HOSTED]: 'Inférence hébergée par le client',
  [InferenceHosting.VENDOR_HOSTED_EU]: 'Inférence hébergée par le fournisseur dans l’UE',
  [InferenceHosting.THIRD_PARTY_API_EU]: 'API d’un tiers, servie dans l’UE',
  [InferenceHosting.THIRD_PARTY_API_NON_EU]: 'API d’un tiers, hors UE',
};

export const TRAINING_ON_CUSTOMER_DATA_LABELS: Readonly<Record<TrainingOnCustomerData, string>> = {
  [TrainingOnCustomerData.NEVER]: 'Jamais d’entraînement sur les données du client',
  [TrainingOnCustomerData.OPT_IN]: 'Entraînement seulement avec l’accord explicite du client',
  [TrainingOnCustomerData.OPT_OUT]: 'Entraînement sauf refus du client',
  [TrainingOnCustomerData.YES]: 'Entraînement sur les données du client',
};

export const NON_EU_TRANSFERS_LABELS: Readonly<Record<NonEuTransfers, string>> = {
  [NonEuTransfers.NONE]: 'Aucun transfert hors UE',
  [NonEuTransfers.ADEQUACY]: 'Transferts vers des pays adéquats (dont Data Privacy Framework UE–US)',
  [NonEuTransfers.SCC]: 'Transferts encadrés par des clauses contractuelles types',
  [NonEuTransfers.UNKNOWN]: 'Non précisé',
};

export const AI_ACT_RISK_CLASS_LABELS: Readonly<Record<AiActRiskClass, string>> = {
  [AiActRiskClass.PROHIBITED]: 'Pratique interdite',
  [AiActRiskClass.HIGH]: 'Haut risque',
  [AiActRiskClass.TRANSPARENCY]: 'Obligations de transparence',
  [AiActRiskClass.MINIMAL]: 'Risque minimal',
  [AiActRiskClass.UNASSESSED]: 'Non évalué',
};

export const AI_ACT_ROLE_LABELS: Readonly<Record<AiActRole, string>> = {
  [AiActRole.PROVIDER]: 'Fournisseur du système d’IA',
  [AiActRole.DEPLOYER_SUPPORT]: 'Accompagnement du déployeur',
  [AiActRole.INTEGRATOR]: 'Intégrateur',
};

export const TRUST_LABEL_LABELS: Readonly<Record<TrustLabel, string>> = {
  [TrustLabel.EXPERTCYBER]: 'ExpertCyber',
  [TrustLabel.POSITIVE_AI]: 'Positive AI',
  [TrustLabel.LABELIA]: 'Labelia',
  [TrustLabel.LNE_AI_PROCESS]: 'Certification LNE des processus d’IA',
  [TrustLabel.FRANCE_CYBERSECURITY]: 'France Cybersecurity',
};

export const HDS_ACTIVITY_LABELS: Readonly<Record<HdsActivity, string>> = {
  1: 'Sites physiques hébergeant l’infrastructure matérielle',
  2: 'Infrastructure matérielle',
  3: 'Infrastructure virtuelle',
  4: 'Plateforme d’hébergement d’applications',
  5: 'Administration et exploitation du système d’information',
  6: 'Sauvegarde des données de santé',
};

export const HARD_REQUIREMENT_LABELS: Readonly<Record<HardRequirement, string>> = {
  [HardRequirement.SECNUMCLOUD_OFFERING]: 'Offre qualifiée SecNumCloud',
  [HardRequirement.SECNUMCLOUD_INFRA_OR_BETTER]: 'Hébergement sur infrastructure qualifiée SecNumCloud (ou offre qualifiée)',
  [HardRequirement.HDS_CERTIFIED]: 'Hébergeur certifié HDS (données de santé)',
  [HardRequirement.DATA_IN_FRANCE]: 'Données hébergées en France',
  [HardRequirement.DATA_IN_EU]: 'Données hébergées dans l’UE (ou chez le client)',
  [HardRequirement.NO_NON_EU_REMOTE_ACCESS]: 'Aucun accès à distance depuis l’extérieur de l’UE',
  [HardRequirement.NO_EXTRATERRITORIAL_EXPOSURE]: 'Aucune exposition aux lois extraterritoriales non européennes',
  [HardRequirement.ON_PREMISE_OR_PRIVATE]: 'Déploiement sur site ou en cloud privé',
  [HardRequirement.NO_TRAINING_ON_CUSTOMER_DATA]: 'Aucun entraînement sur les données du client',
  [HardRequirement.GDPR_DPA]: 'Contrat de sous-traitance RGPD (art. 28)',
  [HardRequirement.NO_NON_EU_TRANSFERS]: 'Aucun transfert de données hors UE',
  [HardRequirement.EU_MODEL]: 'Modèle d’IA d’origine française ou européenne',
  [HardRequirement.OPEN_SOURCE_MODEL]: 'Modèle sous licence libre (OSI)',
  [HardRequirement.SELF_HOSTABLE_MODEL]: 'Modèle hébergeable chez le client',
  [HardRequirement.ISO27001]: 'Certification ISO/IEC 27001',
  [HardRequirement.AI_ACT_NOT_HIGH_RISK]: 'Système hors haut risque au sens de l’AI Act (ou conformité démontrée)',
  [HardRequirement.DATA_EXPORT_OPEN_FORMAT]: 'Export des données dans un format ouvert (réversibilité)',
};

export const DATA_SENSITIVITY_LABELS: Readonly<Record<DataSensitivity, string>> = {
  [DataSensitivity.NONE]: 'Pas de données personnelles ni sensibles',
  [DataSensitivity.PERSONAL]: 'Données personnelles',
  [DataSensitivity.HEALTH]: 'Données de santé',
  [DataSensitivity.SENSITIVE_PUBLIC]: 'Données sensibles de l’État ou d’un opérateur',
};

/** A grade in words with its score range (issue 22): the meaning first, the points after. */
export const SOVEREIGNTY_GRADE_LABELS: Readonly<Record<SovereigntyGrade, string>> = {
  A: 'Très souverain (80 à 100 points)',
  B: 'Plutôt souverain (60 à 79 points)',
  C: 'Partiellement souverain (40 à 59 points)',
  D: 'Peu souverain (20 à 39 points)',
  E: 'Très peu souverain (moins de 20 points)',
};

export const SOVEREIGNTY_BLOCK_LABELS: Readonly<Record<SovereigntyBlock, string>> = {
  jurisdiction: 'Juridiction et contrôle',
  dataLocation: 'Localisation des données',
  qualifications: 'Qualifications et certifications',
  aiModel: 'Souveraineté du modèle d’IA',
  dataProtection: 'Protection des données et contrat',
};

/** What a grade means, in a few words: the legend and the grade badges say "A – très souverain". */
export const SOVEREIGNTY_GRADE_MEANINGS: Readonly<Record<SovereigntyGrade, string>> = {
  A: 'très souverain',
  B: 'plutôt souverain',
  C: 'partiellement souverain',
  D: 'peu souverain',
  E: 'très peu souverain',
};

/** How far a grade can be trusted: the curators checked the claims that earn points, or not yet. */
export const GRADE_CHECK_LABELS: Readonly<Record<'verified' | 'declared', string>> = {
  verified: 'vérifié par l’équipe',
  declared: 'déclaré, non vérifié',
};
