import type { DomainError } from '../../common/errors/domain-error.js';
import { CloseNeedDto, NeedTransitionDto } from '../../needs/dto/need-actions.dto.js';
import { submissionGapOf } from '../../needs/needs.errors.js';
import { HARD_REQUIREMENT_LABELS } from '../../reference/sovereignty/sovereignty.labels.js';
import { asForm, integer, parseWith, text, type Parsed } from '../shared/form-input.js';
import { NEED_FIELD_LABELS, STEP_OF_FIELD } from './need-step.form.js';

/* The buyer's buttons on a need: submit it (its version) and close it (an outcome). */

export const parseSubmitNeed = (body: unknown): Promise<Parsed<NeedTransitionDto>> =>
  parseWith(NeedTransitionDto, { version: integer(asForm(body), 'version') }, {});

export function parseCloseNeed(body: unknown): Promise<Parsed<CloseNeedDto>> {
  const form = asForm(body);
  const outcome = text(form, 'outcome');
  return parseWith(CloseNeedDto, { outcome: outcome ?? '', version: integer(form, 'version') }, { outcome });
}

/** A line of the "still to complete" list: what is missing, and the step where the buyer completes it. */
export interface MissingItem {
  field: string;
  label: string;
  step: number;
}

/** What a refused submission lacks, as the review page lists it; undefined for any other refusal. */
export function missingItems(error: DomainError): MissingItem[] | undefined {
  const gap = submissionGapOf(error);
  if (!gap) return undefined;
  if (gap.kind === 'requirements') {
    const label = (code: string) => HARD_REQUIREMENT_LABELS[code as keyof typeof HARD_REQUIREMENT_LABELS] ?? code;
    return gap.requirements.map((code) => ({ field: 'requirements', label: `Exigence : ${label(code)}`, step: 4 }));
  }
  return gap.fields.map((field) => ({ field, label: NEED_FIELD_LABELS[field] ?? field, step: STEP_OF_FIELD[field] ?? 1 }));
}
