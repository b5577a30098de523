import { defineErrors, type DomainError } from '../common/errors/domain-error.js';

export const NeedsErrors = defineErrors({
  NEED_NOT_FOUND: { status: 404, message: 'Need not found.' },
  NEED_NOT_EDITABLE: { status: 409, message: 'Only a draft need, or one a curator sent back for changes, can be edited.' },
  NEED_INVALID_TRANSITION: { status: 409, message: 'This state change is not allowed now.' },
  NEED_INCOMPLETE: { status: 409, message: 'The need lacks fields that matching needs; complete it before submitting.' },
  NEED_REQUIREMENT_MISSING: { status: 409, message: 'The need lacks a hard requirement its data make compulsory.' },
});

/** What a refused submission lacks, read from the error's details: fields, or compulsory requirements. */
export type SubmissionGap = { kind: 'fields'; fields: string[] } | { kind: 'requirements'; requirements: string[] };

export function submissionGapOf(error: DomainError): SubmissionGap | null {
  const details = error.details as { missing?: unknown } | undefined;
  if (!details || !Array.isArray(details.missing)) return null;
  const missing = details.missing.filter((m): m is string => typeof m === 'string');
  if (error.code === 'NEED_REQUIREMENT_MISSING') return { kind: 'requirements', requirements: missing };
  if (error.code === 'NEED_INCOMPLETE') return { kind: 'fields', fields: missing };
  return null;
}
