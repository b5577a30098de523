import { defineErrors } from '../common/errors/domain-error.js';

export const OfferingsErrors = defineErrors({
  OFFERING_NOT_FOUND: { status: 404, message: 'Offering not found.' },
  OFFERING_INVALID_TRANSITION: { status: 409, message: 'This lifecycle action is not allowed in the current status.' },
  OFFERING_NOT_PUBLISHABLE: { status: 409, message: 'The offering cannot be published yet; see details for what is missing.' },
  OFFERING_NOT_EDITABLE: { status: 409, message: 'An archived offering can no longer be changed.' },
  OFFERING_WITHOUT_PROFILE: { status: 409, message: 'The offering has no sovereignty profile, so it has no claims to decide.' },
  CLAIM_NOT_FOUND: { status: 404, message: 'Unknown claim; see details for the claims of a sovereignty profile.' },
});
