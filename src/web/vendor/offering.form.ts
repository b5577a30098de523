import { CLAIM_KEYS, type ClaimKey } from '../../sovereignty/sovereignty-claims.js';
import type { ScoredProfile } from '../../sovereignty/sovereignty-score.js';
import type { OfferingDto } from '../../offerings/dto/offering.dto.js';
import { CreateOfferingDto, UpdateOfferingDto } from '../../offerings/dto/offering-input.dto.js';
import { PRICING_MODELS } from '../../offerings/offering.entity.js';
import { BUYER_TYPES } from '../../reference/organisation-kinds.js';
import { listRegions } from '../../reference/geo/geography.js';
import { referenceData } from '../../reference/data/reference-data.js';
import {
  asForm,
  checkbox,
  integer,
  list,
  parseWith,
  text,
  typedValues,
  type FormBody,
  type FormValues,
  type Parsed,
} from '../shared/form-input.js';
import { DATE_MESSAGE } from '../shared/french-messages.js';
import { PRICING_MODEL_LABELS } from '../shared/offering.labels.js';
import { BUYER_TYPE_LABELS } from '../shared/organisation.labels.js';
import { CLAIM_LABELS, PROFILE_FIELDS, SOVEREIGNTY_SECTIONS } from './sovereignty-sections.js';

/*
 * The offering form: an offering as fields (`toValues`) and fields as the body of
 * CreateOfferingDto / UpdateOfferingDto (`parse`). No rule lives here: the DTOs validate, the
 * service decides.
 */

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

const codes = (value: string | undefined): string[] =>
  value
    ? value
        .split(/[\s,;]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean)
    : [];
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

/** An offering as the form shows it. */
export function offeringToValues(o: OfferingDto): FormValues {
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

interface OfferingInput {
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
function offeringInput(form: FormBody, current: OfferingDto | null): OfferingInput {
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

  const pricing = {
    model: text(form, 'pricing.model'),
    minBudgetEur: integer(form, 'pricing.minBudgetEur'),
    maxBudgetEur: integer(form, 'pricing.maxBudgetEur'),
  };
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

/** The sovereignty answers of a form body (or of the form's values), as the profile the score reads. */
export function formProfile(body: unknown): ScoredProfile {
  return profileInput(asForm(body)) as unknown as ScoredProfile;
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
      const names = (text(form, field.name) ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
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
export function placeOfferingErrors(errors: Record<string, string[]>, evidenceClaims: readonly ClaimKey[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const yesNo = new Set(PROFILE_FIELDS.filter((p) => p.kind === 'yesno').map((p) => p.name));
  for (const [field, messages] of Object.entries(errors)) {
    const evidence = /^evidence\[(\d+)\]\.(url|documentRef|validUntil)$/.exec(field);
    let name = field;
    let list = messages;
    if (evidence) {
      const claim = evidenceClaims[Number(evidence[1])];
      name = claim ? `evidence.${claim}.${evidence[2]}` : 'evidence';
      if (evidence[2] === 'validUntil') list = [DATE_MESSAGE];
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

/** A parsed offering form, and how to place a service's field errors on its fields. */
export type ParsedOffering<T> = Parsed<T> & { place: (errors: Record<string, string[]>) => Record<string, string[]> };

/**
 * A new offering, from the whole form or from one step: the console creates it from step 1
 * (issue 23), what the offering is, and the draft gets the other steps one at a time.
 */
export async function parseNewOffering(body: unknown, step?: OfferingStep): Promise<ParsedOffering<CreateOfferingDto>> {
  return parseOffering(CreateOfferingDto, asForm(body), null, step ? OFFERING_STEPS[step].keys : undefined);
}

export async function parseOfferingChanges(body: unknown, current: OfferingDto): Promise<ParsedOffering<UpdateOfferingDto>> {
  return parseOffering(UpdateOfferingDto, asForm(body), current);
}

/** The offering form's steps (issue 23): what each one sets in the update body. */
export const OFFERING_STEPS = {
  1: { title: "L'offre", keys: ['title', 'summary', 'description', 'useCases', 'sectors'] },
  2: { title: "Clients et zone d'intervention", keys: ['targetBuyerTypes', 'serviceArea'] },
  3: { title: 'Tarifs et références', keys: ['pricing', 'references'] },
  4: { title: 'Profil de souveraineté et justificatifs', keys: ['sovereignty', 'evidence'] },
} as const;
export type OfferingStep = keyof typeof OFFERING_STEPS;

/** A step number from the address, or null. */
export const offeringStepOf = (raw: string | undefined): OfferingStep | null =>
  raw === '1' || raw === '2' || raw === '3' || raw === '4' ? (Number(raw) as OfferingStep) : null;

/** One step of a stored offering, as the changes it makes: the other steps' fields are left as they are. */
export async function parseOfferingStep(
  step: OfferingStep,
  body: unknown,
  current: OfferingDto,
): Promise<ParsedOffering<UpdateOfferingDto>> {
  return parseOffering(UpdateOfferingDto, asForm(body), current, OFFERING_STEPS[step].keys);
}

/** The form's body as the DTO's, limited to the keys of a step when given (plus the version). */
async function parseOffering<T extends object>(
  dtoClass: new () => T,
  form: FormBody,
  current: OfferingDto | null,
  keys?: readonly string[],
): Promise<ParsedOffering<T>> {
  const { plain, evidenceClaims } = offeringInput(form, current);
  const picked = keys ? Object.fromEntries(Object.entries(plain).filter(([key]) => key === 'version' || keys.includes(key))) : plain;
  const place = (errors: Record<string, string[]>) => placeOfferingErrors(errors, evidenceClaims);
  return { ...(await parseWith(dtoClass, picked, typedValues(form), place)), place };
}
