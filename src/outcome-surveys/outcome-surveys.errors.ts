import { defineErrors } from '../common/errors/domain-error.js';

export const OutcomeSurveysErrors = defineErrors({
  SURVEY_LINK_INVALID: { status: 404, message: 'This survey link is not valid.' },
  SURVEY_ALREADY_ANSWERED: { status: 409, message: 'This survey was already answered.' },
});
