import { CLAIM_KEYS, CLAIMS, type ClaimKey } from '../../sovereignty/sovereignty-claims.js';
import type { OfferingDto } from '../../offerings/dto/offering.dto.js';
import { PRICING_MODELS, type PricingModel } from '../../offerings/offering.entity.js';
import { HEADCOUNT_BANDS } from '../../organisations/dto/organisation-input.dto.js';
import type { OrganisationDto } from '../../organisations/dto/organisation.dto.js';
import { BUYER_TYPES } from '../../reference/organisation-kinds.js';
import { listRegions } from '../../reference/geo/geography.js';
import { referenceData } from '../../reference/data/reference-data.js';
import { EU_ASSURANCE_LEVELS } from '../../reference/sovereignty/sovereignty.enums.js';
import * as L from '../../reference/sovereignty/sovereignty.labels.js';
import type { VendorDto } from '../../vendors/dto/vendor.dto.js';
import { checkbox, communeCode, integer, list, text, type FormBody } from '../forms/form-input.js';
import { BUYER_TYPE_LABELS } from './account.controller.js';

/*
 * The vendor space's forms: how an offering or an organisation becomes form fields and back.
 * Field names are the DTO paths (`sovereignty.hosting.dataResidency`), so the French errors of
 * `checkWith` land next to their field without any table between them. No rule lives here: the
 * API's DTOs validate, the services decide.
 */

export interface Option {
  code: string;
  label: string;
}

/** Values of a form as typed (or as read from a DTO): text, or a list for checkboxes. */
export type FormValues = Record<string, string | string[] | undefined>;

const options = (table: Readonly<Record<string | number, string>>): Option[] => Object.entries(table).map(([code, label]) => ({ code, label }));

export const PRICING_MODEL_LABELS: Readonly<Record<PricingModel, string>> = {
  subscription: 'Abonnement',
  licence: 'Licence',
  project: 'Au projet (forfait)',
  per_use: "À l'usage",
  free_trial: 'Essai gratuit',
};

/** INSEE "tranches d'effectif salarié". */
export const HEADCOUNT_BAND_LABELS: Readonly<Record<(typeof HEADCOUNT_BANDS)[number], string>> = {
  NN: 'Non renseigné (unité non employeuse)',
  '00': '0 salarié',
  '01': '1 ou 2 salariés',
  '02': '3 à 5 salariés',
  '03': '6 à 9 salariés',
  '11': '10 à 19 salariés',
  '12': '20 à 49 salariés',
  '21': '50 à 99 salariés',
  '22': '100 à 199 salariés',
  '31': '200 à 249 salariés',
  '32': '250 à 499 salariés',
  '41': '500 à 999 salariés',
  '42': '1 000 à 1 999 salariés',
  '51': '2 000 à 4 999 salariés',
  '52': '5 000 à 9 999 salariés',
  '53': '10 000 salariés et plus',
};

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
      f('vendor', 'hqJurisdiction', 'Pays du siège statutaire', 'select', { options: options(L.JURISDICTION_LABELS), hint: 'Le pays où votre société est immatriculée.' }),
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
      f('hosting', 'deploymentModes', 'Modes de déploiement proposés', 'checkboxes', { options: options(L.DEPLOYMENT_MODE_LABELS), hint: 'Cochez-en au moins un.' }),
      f('hosting', 'dataResidency', 'Localisation des données du client', 'select', { options: options(L.DATA_RESIDENCY_LABELS), hint: 'Stockage et traitement, sauvegardes comprises.' }),
      f('hosting', 'providerName', 'Hébergeur (facultatif)', 'text', { optional: true, hint: 'Par exemple OVHcloud, Scaleway, Outscale, ou votre propre infrastructure.' }),
      f('hosting', 'providerJurisdiction', 'Pays du siège de l’hébergeur', 'select', { options: options(L.JURISDICTION_LABELS) }),
      f('hosting', 'nonEuRemoteAccess', 'Des équipes situées hors UE peuvent-elles accéder à distance aux systèmes ou aux données ?', 'yesno', {
        hint: 'Support, exploitation, maintenance, y compris par un sous-traitant.',
      }),
    ],
    claims: [],
  },
  {
    key: 'certifications',
    title: 'Qualifications et certifications',
    intro: 'Ce que des tiers ont contrôlé. Joignez les justificatifs : l’équipe de la Maison de l’IA les vérifie.',
    fields: [
      f('certifications', 'secNumCloud', 'Qualification SecNumCloud (ANSSI)', 'select', { options: options(L.SECNUMCLOUD_STATUS_LABELS), hint: 'Une qualification en cours compte comme absente.' }),
      f('certifications', 'hds', 'Certification HDS (hébergement de données de santé) ?', 'yesno'),
      f('certifications', 'hdsActivities', 'Activités couvertes par la certification HDS', 'checkboxes', {
        options: options(L.HDS_ACTIVITY_LABELS),
        optional: true,
        numeric: true,
        hint: 'Seulement si vous êtes certifié HDS.',
      }),
      f('certifications', 'iso27001', 'Certification ISO/IEC 27001 ?', 'yesno', { hint: 'Sécurité de l’information, pour le périmètre de l’offre.' }),
      f('certifications', 'iso42001', 'Certification ISO/IEC 42001 ?', 'yesno', { hint: 'Système de management de l’intelligence artificielle.' }),
      f('certifications', 'labels', 'Labels de confiance', 'checkboxes', { options: options(L.TRUST_LABEL_LABELS), hint: 'Laissez vide si vous n’en avez aucun.' }),
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
      f('ai', 'usesMl', 'L’offre utilise-t-elle un modèle d’apprentissage automatique ?', 'yesno', { hint: 'Répondez non pour un système à base de règles seulement.' }),
      f('ai', 'modelOrigin', 'Origine du modèle', 'select', { options: options(L.MODEL_ORIGIN_LABELS) }),
      f('ai', 'modelNames', 'Modèles utilisés (facultatif)', 'text', { optional: true, hint: 'Séparés par des virgules, par exemple : Mistral Small 3.1, CamemBERT.' }),
      f('ai', 'modelLicence', 'Licence du modèle', 'select', { options: options(L.MODEL_LICENCE_LABELS) }),
      f('ai', 'inferenceHosting', 'Hébergement de l’inférence', 'select', { options: options(L.INFERENCE_HOSTING_LABELS), hint: 'Où le modèle calcule ses réponses.' }),
      f('ai', 'trainingOnCustomerData', 'Entraînement sur les données du client', 'select', { options: options(L.TRAINING_ON_CUSTOMER_DATA_LABELS) }),
      f('ai', 'aiActRole', 'Votre rôle au sens de l’AI Act', 'select', { options: options(L.AI_ACT_ROLE_LABELS) }),
      f('ai', 'aiActRiskClass', 'Classe de risque AI Act, pour l’usage prévu de l’offre', 'select', { options: options(L.AI_ACT_RISK_CLASS_LABELS) }),
      f('ai', 'gpaiBased', 'L’offre repose-t-elle sur un modèle d’IA à usage général ?', 'yesno', { hint: 'Un grand modèle de langage généraliste, par exemple.' }),
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
      f('reversibility', 'dataExportOpenFormat', 'Les données peuvent-elles être exportées dans un format ouvert ?', 'yesno', { hint: 'CSV, JSON, formats documentés.' }),
      f('reversibility', 'exitClause', 'Le contrat prévoit-il une clause de sortie (réversibilité) ?', 'yesno'),
    ],
    claims: [],
  },
].map((s) => ({ ...s, claims: CLAIM_KEYS.filter((c) => c.startsWith(`${s.key}.`)) })) as ProfileSection[];

const PROFILE_FIELDS: readonly ProfileField[] = SOVEREIGNTY_SECTIONS.flatMap((s) => s.fields);

export const CLAIM_LABELS: Readonly<Record<ClaimKey, string>> = Object.fromEntries(CLAIM_KEYS.map((c) => [c, CLAIMS[c].label])) as Record<ClaimKey, string>;

const EVIDENCE_PARTS = ['url', 'documentRef', 'validUntil'] as const;

/** French labels of every field, for the error summary. */
export const OFFERING_LABELS: Readonly<Record<string, string>> = {
  title: 'Titre',
  summary: 'Résumé',
  description: 'Description',
  useCases: "Cas d'usage",
  sectors: 'Secteurs visés',
  targetBuyerTypes: 'Clients visés',
  serviceArea: "Zone d'intervention",
  'serviceArea.national': 'Toute la France',
  'serviceArea.regions': 'Régions',
  'serviceArea.departements': 'Départements',
  'serviceArea.remoteDelivery': 'Intervention à distance',
  pricing: 'Tarification',
  'pricing.model': 'Modèle de tarification',
  'pricing.minBudgetEur': 'Budget minimum',
  'pricing.maxBudgetEur': 'Budget maximum',
  'references.count': 'Nombre de références clients',
  'references.sectors': 'Secteurs des références',
  sovereignty: 'Profil de souveraineté',
  vendor: 'Organisation',
  version: 'Version',
  ...Object.fromEntries(PROFILE_FIELDS.map((p) => [p.name, p.label])),
  ...Object.fromEntries(
    CLAIM_KEYS.flatMap((c) => [
      [`evidence.${c}.url`, `Justificatif (lien) — ${CLAIM_LABELS[c]}`],
      [`evidence.${c}.documentRef`, `Justificatif (référence) — ${CLAIM_LABELS[c]}`],
      [`evidence.${c}.validUntil`, `Justificatif (validité) — ${CLAIM_LABELS[c]}`],
    ]),
  ),
};

/** Options of the offering form's lists. */
export function offeringChoices() {
  return {
    useCases: referenceData().useCases.map((u) => ({ code: u.code, label: u.label })),
    regions: listRegions().map((r) => ({ code: r.regionCode, label: r.name })),
    buyerTypes: BUYER_TYPES.map((code) => ({ code, label: BUYER_TYPE_LABELS[code] })),
    pricingModels: PRICING_MODELS.map((code) => ({ code, label: PRICING_MODEL_LABELS[code] })),
    sections: SOVEREIGNTY_SECTIONS,
    claimLabels: CLAIM_LABELS,
  };
}

const codes = (value: string | undefined): string[] => (value ? value.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean) : []);
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

/** An offering as the form shows it. */
export function offeringValues(o: OfferingDto): FormValues {
  const values: FormValues = {
    title: o.title,
    summary: o.summary ?? undefined,
    description: o.description ?? undefined,
    useCases: o.useCases,
    sectors: o.sectors.join(', '),
    targetBuyerTypes: o.targetBuyerTypes,
    'serviceArea.national': o.serviceArea.national ? 'true' : undefined,
    'serviceArea.regions': o.serviceArea.regions,
    'serviceArea.departements': o.serviceArea.departements.join(', '),
    'serviceArea.remoteDelivery': o.serviceArea.remoteDelivery ? 'true' : undefined,
    'pricing.model': o.pricing.model ?? undefined,
    'pricing.minBudgetEur': str(o.pricing.minBudgetEur),
    'pricing.maxBudgetEur': str(o.pricing.maxBudgetEur),
    'references.count': String(o.references.count),
    'references.sectors': o.references.sectors.join(', '),
    version: String(o.version),
  };
  const profile = o.sovereignty as unknown as Record<string, Record<string, unknown>> | null;
  if (profile) {
    for (const field of PROFILE_FIELDS) {
      const [, section, key] = field.name.split('.') as [string, string, string];
      const v = profile[section]?.[key];
      if (Array.isArray(v)) values[field.name] = field.kind === 'text' ? v.join(', ') : v.map(String);
      else values[field.name] = str(v);
    }
  }
  for (const claim of o.claims) {
    if (!claim.evidence) continue;
    values[`evidence.${claim.claim}.url`] = claim.evidence.url ?? undefined;
    values[`evidence.${claim.claim}.documentRef`] = claim.evidence.documentRef ?? undefined;
    values[`evidence.${claim.claim}.validUntil`] = claim.evidence.validUntil ?? undefined;
  }
  return values;
}

/** What was typed, to show it again after a refusal. */
export function typedValues(form: FormBody): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(form)) {
    if (key === '_csrf' || key === '__proto__' || key === 'constructor' || value === undefined) continue;
    values[key] = value;
  }
  return values;
}

export interface OfferingInput {
  /** The plain body for CreateOfferingDto / UpdateOfferingDto. */
  plain: Record<string, unknown>;
  /** The claim of each `evidence[i]` sent, to put errors back next to their fields. */
  evidenceClaims: ClaimKey[];
}

/**
 * The request body an offering form stands for. On an update (`current` given), emptied texts are
 * sent as null so they are cleared; a profile or pricing already declared is always sent, so
 * emptying one of its fields is reported rather than silently ignored.
 */
export function offeringInput(form: FormBody, current: OfferingDto | null): OfferingInput {
  const clearable = (key: string): string | null | undefined => text(form, key) ?? (current ? null : undefined);
  const plain: Record<string, unknown> = {
    title: text(form, 'title') ?? (current ? '' : undefined),
    summary: clearable('summary'),
    description: clearable('description'),
    useCases: list(form, 'useCases'),
    sectors: codes(text(form, 'sectors')),
    targetBuyerTypes: list(form, 'targetBuyerTypes'),
    serviceArea: {
      national: checkbox(form, 'serviceArea.national'),
      regions: list(form, 'serviceArea.regions'),
      departements: codes(text(form, 'serviceArea.departements')),
      remoteDelivery: checkbox(form, 'serviceArea.remoteDelivery'),
    },
    references: {
      count: integer(form, 'references.count') ?? 0,
      sectors: codes(text(form, 'references.sectors')),
    },
  };
  if (current) plain.version = integer(form, 'version');

  const pricing = { model: text(form, 'pricing.model'), minBudgetEur: integer(form, 'pricing.minBudgetEur'), maxBudgetEur: integer(form, 'pricing.maxBudgetEur') };
  if (Object.values(pricing).some((v) => v !== undefined) || current?.pricing.model) plain.pricing = pricing;

  const touched = PROFILE_FIELDS.some((p) => list(form, p.name).length > 0);
  if (touched || current?.sovereignty) plain.sovereignty = profileInput(form);

  const evidenceClaims: ClaimKey[] = [];
  const evidence: Record<string, unknown>[] = [];
  const hadEvidence = new Set((current?.claims ?? []).filter((c) => c.evidence).map((c) => c.claim));
  for (const claim of CLAIM_KEYS) {
    const parts = Object.fromEntries(EVIDENCE_PARTS.map((p) => [p, text(form, `evidence.${claim}.${p}`)]));
    // A claim listed replaces its evidence: emptied fields of an existing evidence remove it.
    if (Object.values(parts).some((v) => v !== undefined) || hadEvidence.has(claim)) {
      evidence.push({ claim, ...parts });
      evidenceClaims.push(claim);
    }
  }
  if (evidence.length > 0) plain.evidence = evidence;
  return { plain, evidenceClaims };
}

function profileInput(form: FormBody): Record<string, Record<string, unknown>> {
  const profile: Record<string, Record<string, unknown>> = {};
  for (const field of PROFILE_FIELDS) {
    const [, section, key] = field.name.split('.') as [string, string, string];
    let value: unknown;
    if (field.kind === 'checkboxes') {
      const chosen = list(form, field.name);
      value = field.numeric ? chosen.map((c) => (/^\d+$/.test(c) ? Number(c) : c)) : chosen;
      if (field.optional && chosen.length === 0) value = undefined;
    } else if (field.kind === 'yesno') {
      const answer = text(form, field.name);
      value = answer === 'true' ? true : answer === 'false' ? false : undefined;
    } else if (field.kind === 'text' && field.name.endsWith('modelNames')) {
      const names = (text(form, field.name) ?? '').split(',').map((n) => n.trim()).filter(Boolean);
      value = names.length > 0 ? names : undefined;
    } else {
      const raw = text(form, field.name);
      value = field.numeric && raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : raw;
    }
    (profile[section] ??= {})[key] = value;
  }
  return profile;
}

/**
 * Errors keyed as the form names its fields: `evidence[2].url` becomes
 * `evidence.certifications.secNumCloud.url`; yes/no questions get a message that fits radios.
 */
export function offeringErrors(errors: Record<string, string[]>, evidenceClaims: readonly ClaimKey[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const yesNo = new Set(PROFILE_FIELDS.filter((p) => p.kind === 'yesno').map((p) => p.name));
  for (const [field, messages] of Object.entries(errors)) {
    const evidence = /^evidence\[(\d+)\]\.(url|documentRef|validUntil)$/.exec(field);
    let name = field;
    let list = messages;
    if (evidence) {
      const claim = evidenceClaims[Number(evidence[1])];
      name = claim ? `evidence.${claim}.${evidence[2]}` : 'evidence';
      if (evidence[2] === 'validUntil') list = ['Saisissez une date valide, par exemple 2028-06-30.'];
    } else if (yesNo.has(field)) {
      list = ['Répondez par oui ou par non.'];
    } else if (list.includes('Saisissez un nombre entier.')) {
      // Text where a number is expected: the bounds checked on it say nothing more.
      list = ['Saisissez un nombre entier.'];
    }
    out[name] = [...(out[name] ?? []), ...list.filter((m) => !(out[name] ?? []).includes(m))];
  }
  return out;
}

/* ---------------------------------------------------------------- organisation */

export const ORGANISATION_LABELS: Readonly<Record<string, string>> = {
  name: "Nom de l'organisation",
  description: 'Présentation',
  website: 'Site web',
  headcountBand: 'Effectif',
  siret: 'SIRET du siège',
  nafCode: 'Code NAF (APE)',
  communeCode: 'Commune du siège',
  version: 'Version',
};

export const headcountOptions = (): Option[] => HEADCOUNT_BANDS.map((code) => ({ code, label: HEADCOUNT_BAND_LABELS[code] }));

/** An organisation and its vendor profile as the form shows them; establishments as numbered rows. */
export function organisationValues(org: OrganisationDto, vendor: VendorDto): FormValues {
  const values: FormValues = {
    name: vendor.name,
    description: vendor.description ?? undefined,
    website: vendor.website ?? undefined,
    headcountBand: vendor.headcountBand ?? undefined,
    siret: org.siret ?? undefined,
    nafCode: org.nafCode,
    communeCode: org.communeCode,
    version: String(org.version),
  };
  org.establishments.forEach((e, i) => {
    values[`establishments[${i}].siret`] = e.siret;
    values[`establishments[${i}].communeCode`] = e.communeCode;
  });
  return values;
}

/** How many establishment rows hold something (the highest such index + 1). */
export function establishmentRows(values: FormValues): number {
  let rows = 0;
  for (const [key, value] of Object.entries(values)) {
    const m = /^establishments\[(\d{1,3})\]\.(siret|communeCode)$/.exec(key);
    if (m && (Array.isArray(value) ? value.some((v) => v.trim()) : value?.trim())) rows = Math.max(rows, Number(m[1]) + 1);
  }
  return Math.min(rows, 201);
}

export interface OrganisationInput {
  vendor: Record<string, unknown>;
  organisation: Record<string, unknown>;
  /** The form row of each establishment sent. */
  rows: number[];
}

/**
 * The two bodies the organisation form stands for: the public profile (PATCH /vendors/:id) and
 * the legal data with its establishments (PATCH /organisations/:id). Rows left empty or marked
 * for removal are not sent, which removes them.
 */
export function organisationInput(form: FormBody): OrganisationInput {
  const version = integer(form, 'version');
  const rows: number[] = [];
  const establishments: Record<string, unknown>[] = [];
  for (let i = 0; i < establishmentRows(form); i++) {
    const siret = text(form, `establishments[${i}].siret`);
    const commune = communeCode(form, `establishments[${i}].communeCode`);
    if (checkbox(form, `establishments[${i}].remove`) || (!siret && !commune)) continue;
    rows.push(i);
    establishments.push({ siret: siret ?? '', communeCode: commune ?? '' });
  }
  return {
    vendor: {
      name: text(form, 'name') ?? '',
      description: text(form, 'description') ?? null,
      website: text(form, 'website') ?? null,
      headcountBand: text(form, 'headcountBand'),
      version,
    },
    organisation: {
      siret: text(form, 'siret'),
      nafCode: text(form, 'nafCode')?.toUpperCase(),
      communeCode: communeCode(form, 'communeCode'),
      establishments,
      version,
    },
    rows,
  };
}

/** Errors of `establishments[i]` sent back to the form row they came from. */
export function organisationErrors(errors: Record<string, string[]>, rows: readonly number[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    const name = field.replace(/^establishments\[(\d+)\]/, (_m, i: string) => `establishments[${rows[Number(i)] ?? i}]`);
    out[name] = [...(out[name] ?? []), ...messages];
  }
  return out;
}

export function organisationLabels(rowCount: number): Record<string, string> {
  const labels: Record<string, string> = { ...ORGANISATION_LABELS };
  for (let i = 0; i < rowCount; i++) {
    labels[`establishments[${i}].siret`] = `Site ${i + 1} : SIRET`;
    labels[`establishments[${i}].communeCode`] = `Site ${i + 1} : commune`;
  }
  return labels;
}
