import { defineErrors } from '../common/errors/domain-error.js';

export const OrganisationsErrors = defineErrors({
  ORGANISATION_NOT_FOUND: { status: 404, message: 'Organisation not found.' },
});
