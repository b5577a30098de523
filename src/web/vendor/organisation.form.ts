import type { EstablishmentViewDto, OrganisationDto } from '../../organisations/dto/organisation.dto.js';
import { HEADCOUNT_BANDS } from '../../organisations/dto/organisation-input.dto.js';
import { compactDigits } from '../../reference/validation/siren.js';
import { UpdateVendorProfileDto } from '../../vendors/dto/vendor-profile.dto.js';
import type { VendorDto } from '../../vendors/dto/vendor.dto.js';
import {
  asForm,
  checkbox,
  communeCode,
  integer,
  parseWith,
  text,
  typedValues,
  type FormBody,
  type FormValues,
  type Parsed,
} from '../shared/form-input.js';
import type { Option } from '../shared/labels.js';
import { HEADCOUNT_BAND_LABELS } from '../shared/organisation.labels.js';

/*
 * The vendor's organisation form: the public profile and the legal data of one organisation row,
 * with its establishments as numbered rows, read as one UpdateVendorProfileDto.
 */

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
export function organisationToValues(org: OrganisationDto, vendor: VendorDto): FormValues {
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

const filled = (value: unknown): boolean =>
  Array.isArray(value) ? value.some((v) => typeof v === 'string' && v.trim() !== '') : typeof value === 'string' && value.trim() !== '';

/** How many establishment rows hold something (the highest such index + 1). */
export function establishmentRows(values: FormValues): number {
  let rows = 0;
  for (const [key, value] of Object.entries(values)) {
    const m = /^establishments\[(\d{1,3})\]\.(siret|communeCode)$/.exec(key);
    if (m && filled(value)) rows = Math.max(rows, Number(m[1]) + 1);
  }
  return Math.min(rows, 201);
}

/**
 * The body the form stands for: public profile and legal data under one version. Rows left
 * empty or marked for removal are not sent, which removes them; `rows` is each sent row's number.
 */
function profileInput(form: FormBody): { plain: Record<string, unknown>; rows: number[] } {
  const rows: number[] = [];
  const establishments: Record<string, unknown>[] = [];
  for (let i = 0; i < establishmentRows(form); i++) {
    const siret = text(form, `establishments[${i}].siret`);
    const commune = communeCode(form, `establishments[${i}].communeCode`);
    if (checkbox(form, `establishments[${i}].remove`) || (!siret && !commune)) continue;
    rows.push(i);
    establishments.push({ siret: siret ?? '', communeCode: commune ?? '' });
  }
  const plain = {
    name: text(form, 'name') ?? '',
    description: text(form, 'description') ?? null,
    website: text(form, 'website') ?? null,
    headcountBand: text(form, 'headcountBand'),
    siret: text(form, 'siret'),
    nafCode: text(form, 'nafCode')?.toUpperCase(),
    communeCode: communeCode(form, 'communeCode'),
    establishments,
    version: integer(form, 'version'),
  };
  return { plain, rows };
}

export type ParsedOrganisation = Parsed<UpdateVendorProfileDto> & { place: (errors: Record<string, string[]>) => Record<string, string[]> };

export async function parseOrganisation(body: unknown): Promise<ParsedOrganisation> {
  const form = asForm(body);
  const { plain, rows } = profileInput(form);
  const place = (errors: Record<string, string[]>) => placeOrganisationErrors(errors, rows);
  return { ...(await parseWith(UpdateVendorProfileDto, plain, typedValues(form), place)), place };
}

/** Errors of `establishments[i]` sent back to the form row they came from. */
export function placeOrganisationErrors(errors: Record<string, string[]>, rows: readonly number[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    const name = field.replace(/^establishments\[(\d+)\]/, (_m, i: string) => `establishments[${rows[Number(i)] ?? i}]`);
    out[name] = [...(out[name] ?? []), ...messages];
  }
  return out;
}

/** Where a row's site stands with the curators: confirmed (and when), or only declared; `null` for an empty row. */
export type SiteState = { confirmed: true; confirmedAt: string } | { confirmed: false } | null;

/**
 * Each row's state, read from the sites as stored: a row is the stored site with the same SIRET
 * and commune, so a row being changed already shows as unconfirmed, as it will be once saved.
 */
export function siteStates(values: FormValues, stored: readonly EstablishmentViewDto[], rowCount: number): SiteState[] {
  const form = asForm(values);
  return Array.from({ length: rowCount }, (_, i) => {
    const siret = text(form, `establishments[${i}].siret`);
    const commune = communeCode(form, `establishments[${i}].communeCode`);
    if (!siret && !commune) return null;
    const site = stored.find((e) => e.siret === compactDigits(siret ?? '') && e.communeCode === commune);
    return site?.confirmed && site.confirmedAt ? { confirmed: true, confirmedAt: site.confirmedAt } : { confirmed: false };
  });
}

export function organisationLabels(rowCount: number): Record<string, string> {
  const labels: Record<string, string> = { ...ORGANISATION_LABELS };
  for (let i = 0; i < rowCount; i++) {
    labels[`establishments[${i}].siret`] = `Site ${i + 1} : SIRET`;
    labels[`establishments[${i}].communeCode`] = `Site ${i + 1} : commune`;
  }
  return labels;
}
