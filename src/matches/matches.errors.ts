import { defineErrors } from '../common/errors/domain-error.js';

export const MatchesErrors = defineErrors({
  NEED_NOT_PUBLISHED: { status: 409, message: 'Matches are computed for published needs only; market depth works on any need.' },
  OFFERING_NOT_FOUND: { status: 404, message: 'Offering not found.' },
  WEIGHTS_INVALID: { status: 400, message: 'The weights are invalid.' },
});
