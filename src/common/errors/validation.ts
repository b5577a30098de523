import type { ValidationError } from 'class-validator';
import { CommonErrors } from './common.errors.js';
import type { DomainError } from './domain-error.js';

export interface FieldError {
  field: string;
  messages: string[];
}

/** Flattens nested class-validator errors into `a.b[0].c` paths, one entry per field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const isIndex = /^\d+$/.test(error.property);
    const field = prefix ? (isIndex ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`) : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): DomainError {
  return CommonErrors.VALIDATION_FAILED(undefined, flattenValidationErrors(errors));
}
