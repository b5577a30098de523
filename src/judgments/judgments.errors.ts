import { defineErrors } from '../common/errors/domain-error.js';

export const JudgmentsErrors = defineErrors({
  JUDGMENT_NOT_FOUND: { status: 404, message: 'You have not judged this offering for this need.' },
});
