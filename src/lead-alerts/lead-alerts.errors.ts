import { defineErrors } from '../common/errors/domain-error.js';

export const LeadAlertsErrors = defineErrors({
  LEAD_NOT_FOUND: { status: 404, message: 'Lead not found.' },
  LEAD_CLOSED: { status: 409, message: 'The need is no longer published: this lead cannot be answered any more.' },
  UNSUBSCRIBE_LINK_INVALID: { status: 404, message: 'This unsubscribe link is not valid.' },
});
