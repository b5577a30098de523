import { isStartInPast, PAST_START_MESSAGE } from '../../needs/need-dates.js';
import { CreateNeedDto, UpdateNeedDto } from '../../needs/dto/need-input.dto.js';
import type { NeedDto } from '../../needs/dto/need.dto.js';
import { suggestedRequirementsFor } from '../../needs/need-requirements.js';
import {
  asForm,
  checkbox,
  communeCode,
  integer,
  list,
  parseWith,
  text,
  type FormBody,
  type FormValues,
  type Parsed,
} from '../shared/form-input.js';

/*
 * The need's form, one step at a time: the fields each step sets, read as CreateNeedDto (step 1
 * of a new need) or UpdateNeedDto, and a stored need as the steps' fields.
 */

export type NeedStep = 1 | 2 | 3 | 4;

export const STEP_TITLES: Readonly<Record<number, string>> = {
  1: 'Quoi',
  2: 'Où',
  3: 'Budget et calendrier',
  4: 'Données et exigences',
  5: 'Vérification',
};

/** Field names as the buyer reads them, for the error summary and the incomplete-need message. */
export const NEED_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Titre du besoin',
  description: 'Description',
  useCases: "Cas d'usage",
  sector: "Secteur d'activité",
  communeCode: 'Commune',
  reach: 'Où chercher un fournisseur',
  acceptsRemote: 'Intervention à distance',
  minBudgetEur: 'Budget minimum',
  maxBudgetEur: 'Budget maximum',
  budgetFirm: 'Budget ferme',
  desiredStart: 'Début souhaité',
  deadline: 'Échéance',
  dataSensitivity: 'Sensibilité des données',
  requirements: 'Exigences',
  minSovereigntyGrade: 'Note de souveraineté minimale',
  version: 'Version',
};

/** The step where each field is entered, to send the buyer back to it. */
export const STEP_OF_FIELD: Readonly<Record<string, NeedStep>> = {
  title: 1,
  description: 1,
  useCases: 1,
  sector: 1,
  communeCode: 2,
  reach: 2,
  acceptsRemote: 2,
  minBudgetEur: 3,
  maxBudgetEur: 3,
  budgetFirm: 3,
  desiredStart: 3,
  deadline: 3,
  dataSensitivity: 4,
  requirements: 4,
  minSovereigntyGrade: 4,
};

/** A step of the address (`/etape/3`), or null for anything else. */
export const stepOf = (raw: string): NeedStep | null => (/^[1-4]$/.test(raw) ? (Number(raw) as NeedStep) : null);

/** "15/01/2027" as typed where the browser has no date picker, or 2027-01-15; empty clears the date. */
function dateInput(form: FormBody, key: string): string | null {
  const value = text(form, key);
  if (!value) return null;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return fr ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}` : value;
}

/**
 * Errors as the buyer can act on them: an empty field refused by the DTO is a missing field,
 * and text where a whole number is expected is not also told about the number's range.
 */
function plainErrors(errors: Record<string, string[]>, form: FormBody, required: readonly string[]): Record<string, string[]> {
  for (const field of required) if (errors[field] && !text(form, field)) errors[field] = ['Ce champ est obligatoire.'];
  for (const [field, messages] of Object.entries(errors)) {
    const notInteger = messages.find((m) => m === 'Saisissez un nombre entier.');
    if (notInteger) errors[field] = [notInteger];
  }
  return errors;
}

interface StepInput {
  plain: Record<string, unknown>;
  /** What to show again in the form. */
  values: FormValues;
  /** Suggested requirements ticked for the buyer because the sensitivity changed. */
  added: string[];
}

/** The fields one step sets, from its form; `need` is the stored need (null while creating). */
function stepInput(step: NeedStep, form: FormBody, need: NeedDto | null): StepInput {
  const version = integer(form, 'version');
  switch (step) {
    case 1: {
      const plain = {
        title: text(form, 'title') ?? (need ? '' : undefined),
        description: text(form, 'description') ?? (need ? '' : undefined),
        useCases: list(form, 'useCases'),
      };
      return {
        plain: need ? { ...plain, version } : plain,
        values: { ...plain, title: text(form, 'title'), description: text(form, 'description') },
        added: [],
      };
    }
    case 2: {
      const plain = {
        communeCode: communeCode(form, 'communeCode') ?? '',
        reach: text(form, 'reach'),
        acceptsRemote: checkbox(form, 'acceptsRemote'),
        version,
      };
      return { plain, values: { ...plain, communeCode: text(form, 'communeCode') }, added: [] };
    }
    case 3: {
      const plain = {
        minBudgetEur: integer(form, 'minBudgetEur') ?? null,
        maxBudgetEur: integer(form, 'maxBudgetEur') ?? null,
        // An unticked box sends nothing: submitting the budget step unticked makes the budget indicative.
        budgetFirm: checkbox(form, 'budgetFirm'),
        desiredStart: dateInput(form, 'desiredStart'),
        deadline: dateInput(form, 'deadline'),
        version,
      };
      return { plain, values: { ...plain, minBudgetEur: text(form, 'minBudgetEur'), maxBudgetEur: text(form, 'maxBudgetEur') }, added: [] };
    }
    case 4: {
      const dataSensitivity = text(form, 'dataSensitivity');
      const ticked = list(form, 'requirements');
      // A newly declared sensitivity brings its suggested requirements, ticked: the buyer may untick them afterwards.
      const changed = dataSensitivity && need && dataSensitivity !== need.dataSensitivity;
      const added = changed ? suggestedRequirementsFor(dataSensitivity, need.buyerType).filter((r) => !ticked.includes(r)) : [];
      const plain = {
        dataSensitivity,
        requirements: [...ticked, ...added],
        minSovereigntyGrade: text(form, 'minSovereigntyGrade') ?? null,
        version,
      };
      return { plain, values: plain, added };
    }
  }
}

export type ParsedStep<T> = Parsed<T> & { added: string[] };

/** Step 1 of a new need: the draft is created from it. */
export async function parseNewNeed(body: unknown): Promise<ParsedStep<CreateNeedDto>> {
  const form = asForm(body);
  const input = stepInput(1, form, null);
  return { ...(await parseWith(CreateNeedDto, input.plain, input.values, (e) => plainErrors(e, form, ['title']))), added: [] };
}

/** A step of a stored need, as the changes it makes. */
export async function parseNeedStep(step: NeedStep, body: unknown, need: NeedDto): Promise<ParsedStep<UpdateNeedDto>> {
  const form = asForm(body);
  const input = stepInput(step, form, need);
  const parsed = await parseWith(UpdateNeedDto, input.plain, input.values, (e) => plainErrors(e, form, ['title', 'communeCode']));
  // A start date typed in the past is refused here; one already stored only warns (PAST_START_WARNING).
  const start = step === 3 ? (input.plain as { desiredStart?: string }).desiredStart : undefined;
  if (start !== need.desiredStart && isStartInPast(start) && !parsed.errors?.desiredStart)
    return { values: parsed.values, errors: { ...parsed.errors, desiredStart: [PAST_START_MESSAGE] }, added: input.added };
  return { ...parsed, added: input.added };
}

/** A need's fields as form values. */
export function needToValues(need: NeedDto): FormValues {
  return {
    title: need.title,
    description: need.description,
    useCases: need.useCases,
    communeCode: need.communeCode,
    reach: need.reach,
    acceptsRemote: need.acceptsRemote,
    minBudgetEur: need.minBudgetEur,
    maxBudgetEur: need.maxBudgetEur,
    budgetFirm: need.budgetFirm,
    desiredStart: need.desiredStart,
    deadline: need.deadline,
    dataSensitivity: need.dataSensitivity,
    requirements: need.requirements,
    minSovereigntyGrade: need.minSovereigntyGrade,
  };
}
