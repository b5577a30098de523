import { defineErrors } from '../common/errors/domain-error.js';

export const ReferenceErrors = defineErrors({
  SECTOR_PARENT_NOT_ABOVE_LEVEL: { status: 400, message: 'The parent sector must belong to a broader level than the one listed.' },
});
