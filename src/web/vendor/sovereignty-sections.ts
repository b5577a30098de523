import { CLAIM_KEYS, CLAIMS, type ClaimKey } from '../../sovereignty/sovereignty-claims.js';
import { EU_ASSURANCE_LEVELS } from '../../reference/sovereignty/sovereignty.enums.js';
import * as L from '../../reference/sovereignty/sovereignty.labels.js';
import { options, type Option } from '../shared/labels.js';

/*
 * The sovereignty profile's layout in the offering form: sections, questions and their kind.
 * Field names are the DTO paths (`sovereignty.hosting.dataResidency`), so the French errors of
 * the DTO's validation land next to their field without any table between them.
 */

export type FieldKind = 'select' | 'yesno' | 'checkboxes' | 'text';

export interface ProfileField {
  name: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  options?: Option[];
  optional?: boolean;
  /** Numbers in the DTO (HDS activities, assurance level): converted back from the form's text. */
  numeric?: boolean;
}

export interface ProfileSection {
  key: 'vendor' | 'hosting' | 'certifications' | 'ai' | 'gdpr' | 'reversibility';
  title: string;
  intro: string;
  fields: ProfileField[];
  /** Claims of this section a vendor can back with evidence (DTO `evidence`). */
  claims: ClaimKey[];
}

const f = (section: string, field: string, label: string, kind: FieldKind, rest: Partial<ProfileField> = {}): ProfileField => ({
  name: `sovereignty.${section}.${field}`,
  label,
  kind,
  ...rest,
});

/** The sovereignty profile (REFERENCE §4.3) as a guided form, section by section, with the vocabulary's French labels. */
export const SOVEREIGNTY_SECTIONS: readonly ProfileSection[] = [
  {
    key: 'vendor',
    title: 'Votre entreprise',
    intro: 'Qui contrôle la société qui fournit l’offre, et quel droit peut s’imposer à elle.',
    fields: [
      f('vendor', 'hqJurisdiction', 'Pays du siège statutaire', 'select', {
        options: options(L.JURISDICTION_LABELS),
        hint: 'Le pays où votre société est immatriculée.',
      }),
      f('vendor', 'nonEuControl', 'Contrôle du capital par des acteurs hors UE', 'select', {
        options: options(L.NON_EU_CONTROL_LABELS),
        hint: 'Seuils repris de SecNumCloud : 24 % pour un actionnaire hors UE, 39 % pour tous ensemble.',
      }),
      f('vendor', 'extraterritorialExposure', 'Exposition à une loi extraterritoriale non européenne', 'select', {
        options: options(L.EXTRATERRITORIAL_EXPOSURE_LABELS),
        hint: 'Directement, ou par votre hébergeur ou l’API de modèle que vous utilisez (CLOUD Act, FISA…).',
      }),
    ],
    claims: [],
  },
  {
    key: 'hosting',
    title: 'Hébergement',
    intro: 'Où les données du client sont stockées et traitées, et par qui.',
    fields: [
      f('hosting', 'deploymentModes', 'Modes de déploiement proposés', 'checkboxes', {
        options: options(L.DEPLOYMENT_MODE_LABELS),
        hint: 'Cochez-en au moins un.',
      }),
      f('hosting', 'dataResidency', 'Localisation des données du client', 'select', {
        options: options(L.DATA_RESIDENCY_LABELS),
        hint: 'Stockage et traitement, sauvegardes comprises.',
      }),
      f('hosting', 'providerName', 'Hébergeur (facultatif)', 'text', {
        optional: true,
        hint: 'Par exemple OVHcloud, Scaleway, Outscale, ou votre propre infrastructure.',
      }),
      f('hosting', 'providerJurisdiction', 'Pays du siège de l’hébergeur', 'select', { options: options(L.JURISDICTION_LABELS) }),
      f(
        'hosting',
        'nonEuRemoteAccess',
        'Des équipes situées hors UE peuvent-elles accéder à distance aux systèmes ou aux données ?',
        'yesno',
        {
          hint: 'Support, exploitation, maintenance, y compris par un sous-traitant.',
        },
      ),
    ],
    claims: [],
  },
  {
    key: 'certifications',
    title: 'Qualifications et certifications',
    intro: 'Ce que des tiers ont contrôlé. Joignez les justificatifs : l’équipe de la Maison de l’IA les vérifie.',
    fields: [
      f('certifications', 'secNumCloud', 'Qualification SecNumCloud (ANSSI)', 'select', {
        options: options(L.SECNUMCLOUD_STATUS_LABELS),
        hint: 'Une qualification en cours compte comme absente.',
      }),
      f('certifications', 'hds', 'Certification HDS (hébergement de données de santé) ?', 'yesno'),
      f('certifications', 'hdsActivities', 'Activités couvertes par la certification HDS', 'checkboxes', {
        options: options(L.HDS_ACTIVITY_LABELS),
        optional: true,
        numeric: true,
        hint: 'Seulement si vous êtes certifié HDS.',
      }),
      f('certifications', 'iso27001', 'Certification ISO/IEC 27001 ?', 'yesno', {
        hint: 'Sécurité de l’information, pour le périmètre de l’offre.',
      }),
      f('certifications', 'iso42001', 'Certification ISO/IEC 42001 ?', 'yesno', {
        hint: 'Système de management de l’intelligence artificielle.',
      }),
      f('certifications', 'labels', 'Labels de confiance', 'checkboxes', {
        options: options(L.TRUST_LABEL_LABELS),
        hint: 'Laissez vide si vous n’en avez aucun.',
      }),
      f('certifications', 'euAssuranceLevel', 'Niveau d’assurance européen (facultatif)', 'select', {
        options: EU_ASSURANCE_LEVELS.map((n) => ({ code: String(n), label: `Niveau ${n}` })),
        optional: true,
        numeric: true,
        hint: 'Réservé : proposition européenne, pas encore en vigueur.',
      }),
    ],
    claims: [],
  },
  {
    key: 'ai',
    title: 'Modèle d’IA',
    intro: 'Le modèle sur lequel repose l’offre, où il tourne, et ce qu’il fait des données du client.',
    fields: [
      f('ai', 'usesMl', 'L’offre utilise-t-elle un modèle d’apprentissage automatique ?', 'yesno', {
        hint: 'Répondez non pour un système à base de règles seulement.',
      }),
      f('ai', 'modelOrigin', 'Origine du modèle', 'select', { options: options(L.MODEL_ORIGIN_LABELS) }),
      f('ai', 'modelNames', 'Modèles utilisés (facultatif)', 'text', {
        optional: true,
        hint: 'Séparés par des virgules, par exemple : Mistral Small 3.1, CamemBERT.',
      }),
      f('ai', 'modelLicence', 'Licence du modèle', 'select', { options: options(L.MODEL_LICENCE_LABELS) }),
      f('ai', 'inferenceHosting', 'Hébergement de l’inférence', 'select', {
        options: options(L.INFERENCE_HOSTING_LABELS),
        hint: 'Où le modèle calcule ses réponses.',
      }),
      f('ai', 'trainingOnCustomerData', 'Entraînement sur les données du client', 'select', {
        options: options(L.TRAINING_ON_CUSTOMER_DATA_LABELS),
      }),
      f('ai', 'aiActRole', 'Votre rôle au sens de l’AI Act', 'select', { options: options(L.AI_ACT_ROLE_LABELS) }),
      f('ai', 'aiActRiskClass', 'Classe de risque AI Act, pour l’usage prévu de l’offre', 'select', {
        options: options(L.AI_ACT_RISK_CLASS_LABELS),
      }),
      f('ai', 'gpaiBased', 'L’offre repose-t-elle sur un modèle d’IA à usage général ?', 'yesno', {
        hint: 'Un grand modèle de langage généraliste, par exemple.',
      }),
    ],
    claims: [],
  },
  {
    key: 'gdpr',
    title: 'Données personnelles (RGPD)',
    intro: 'Le cadre contractuel du traitement des données personnelles du client.',
    fields: [
      f('gdpr', 'dpaArt28', 'Proposez-vous un contrat de sous-traitance conforme à l’article 28 du RGPD ?', 'yesno'),
      f('gdpr', 'subprocessorsPublic', 'La liste de vos sous-traitants est-elle publique ?', 'yesno'),
      f('gdpr', 'nonEuTransfers', 'Transferts de données hors UE', 'select', { options: options(L.NON_EU_TRANSFERS_LABELS) }),
      f('gdpr', 'dpiaSupport', 'Fournissez-vous la matière de l’analyse d’impact (AIPD) du client ?', 'yesno'),
    ],
    claims: [],
  },
  {
    key: 'reversibility',
    title: 'Réversibilité',
    intro: 'Comment le client récupère ses données et quitte le service.',
    fields: [
      f('reversibility', 'dataExportOpenFormat', 'Les données peuvent-elles être exportées dans un format ouvert ?', 'yesno', {
        hint: 'CSV, JSON, formats documentés.',
      }),
      f('reversibility', 'exitClause', 'Le contrat prévoit-il une clause de sortie (réversibilité) ?', 'yesno'),
    ],
    claims: [],
  },
].map((s) => ({ ...s, claims: CLAIM_KEYS.filter((c) => c.startsWith(`${s.key}.`)) })) as ProfileSection[];

export const PROFILE_FIELDS: readonly ProfileField[] = SOVEREIGNTY_SECTIONS.flatMap((s) => s.fields);

export const CLAIM_LABELS: Readonly<Record<ClaimKey, string>> = Object.fromEntries(CLAIM_KEYS.map((c) => [c, CLAIMS[c].label])) as Record<
  ClaimKey,
  string
>;
