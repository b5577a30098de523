import { defineErrors } from '../common/errors/domain-error.js';

export const NeedsErrors = defineErrors({
  NEED_NOT_FOUND: { status: 404, message: 'Need not found.' },
  NEED_NOT_EDITABLE: { status: 409, message: 'Only a draft need, or one a curator sent back for changes, can be edited.' },
  NEED_INVALID_TRANSITION: { status: 409, message: 'This state change is not allowed now.' },
  NEED_INCOMPLETE: { status: 409, message: 'The need lacks fields that matching needs; complete it before submitting.' },
  NEED_REQUIREMENT_MISSING: { status: 409, message: 'The need lacks a hard requirement its data make compulsory.' },
});
