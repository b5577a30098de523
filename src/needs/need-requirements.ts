import {
  DEFAULT_REQUIREMENTS_BY_SENSITIVITY,
  SUGGESTED_REQUIREMENTS_FOR_COLLECTIVITE,
} from '../reference/sovereignty/default-requirements.js';
import { DataSensitivity, HardRequirement } from '../reference/sovereignty/sovereignty.enums.js';

/*
 * Pure rules about a need's hard requirements (REFERENCE §4.5): what to suggest, what to enforce.
 */

/** Requirements the law makes compulsory for a sensitivity: HDS for personal health data (CSP L.1111-8). */
const COMPULSORY_BY_SENSITIVITY: Readonly<Record<DataSensitivity, readonly HardRequirement[]>> = {
  [DataSensitivity.NONE]: [],
  [DataSensitivity.PERSONAL]: [],
  [DataSensitivity.HEALTH]: [HardRequirement.HDS_CERTIFIED],
  [DataSensitivity.SENSITIVE_PUBLIC]: [],
};

/**
 * Suggested requirements for a need: the defaults of its data sensitivity, plus the collectivité
 * suggestions for a collectivité buyer. Nothing until the sensitivity is declared.
 */
export function suggestedRequirements(sensitivity: DataSensitivity | null, buyerType: string | null): HardRequirement[] {
  if (sensitivity === null) return [];
  const suggested = new Set<HardRequirement>(DEFAULT_REQUIREMENTS_BY_SENSITIVITY[sensitivity]);
  if (buyerType === 'collectivite') SUGGESTED_REQUIREMENTS_FOR_COLLECTIVITE.forEach((r) => suggested.add(r));
  return [...suggested];
}

/** The suggestions for a sensitivity as a form sends it: a code outside the vocabulary suggests nothing. */
export function suggestedRequirementsFor(sensitivity: string | null | undefined, buyerType: string | null): HardRequirement[] {
  const known = (Object.values(DataSensitivity) as string[]).includes(sensitivity ?? '') ? (sensitivity as DataSensitivity) : null;
  return suggestedRequirements(known, buyerType);
}

/** The suggestions the buyer has not (yet) taken into `requirements`. */
export function missingSuggestions(suggested: readonly HardRequirement[], requirements: readonly string[]): HardRequirement[] {
  return suggested.filter((r) => !requirements.includes(r));
}

/** Compulsory requirements absent from `requirements`; a need cannot be submitted while any is. */
export function missingCompulsoryRequirements(sensitivity: DataSensitivity | null, requirements: readonly string[]): HardRequirement[] {
  if (sensitivity === null) return [];
  return COMPULSORY_BY_SENSITIVITY[sensitivity].filter((r) => !requirements.includes(r));
}

/** Fields matching cannot do without; `submit` refuses a need lacking any of them. */
export interface SubmittableFields {
  title: string | null;
  description: string | null;
  useCases: readonly string[];
  sector: string | null;
  communeCode: string | null;
  reach: string | null;
  dataSensitivity: string | null;
}

export function missingForSubmission(need: SubmittableFields): (keyof SubmittableFields)[] {
  const missing: (keyof SubmittableFields)[] = [];
  if (!need.title?.trim()) missing.push('title');
  if (!need.description?.trim()) missing.push('description');
  if (need.useCases.length === 0) missing.push('useCases');
  if (!need.sector) missing.push('sector');
  if (!need.communeCode) missing.push('communeCode');
  if (!need.reach) missing.push('reach');
  if (!need.dataSensitivity) missing.push('dataSensitivity');
  return missing;
}
