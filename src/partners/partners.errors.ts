import { defineErrors } from '../common/errors/domain-error.js';

export const PartnersErrors = defineErrors({
  PARTNER_NOT_FOUND: { status: 404, message: 'Partner not found.' },
  API_KEY_NOT_FOUND: { status: 404, message: 'API key not found.' },
  API_KEY_INVALID: { status: 401, message: 'A valid partner API key is required in the X-Api-Key header.' },
  API_KEY_SCOPE_MISSING: { status: 403, message: 'This API key lacks the scope this route needs.' },
  WEBHOOK_NOT_FOUND: { status: 404, message: 'This partner has no webhook; set one with PUT /partner/webhook.' },
  DIAGNOSTIC_OTHER_COMPANY: { status: 409, message: 'This diagnosticId was already imported for another company.' },
  INVITATION_NOT_FOUND: { status: 404, message: 'This invitation link is not valid.' },
  INVITATION_USED: { status: 409, message: 'This invitation was already used.' },
  INVITATION_EXPIRED: { status: 410, message: 'This invitation has expired; ask the partner to send the need again.' },
  INVITATION_REPLACED: { status: 410, message: 'This invitation was replaced by a newer one; use the link of the latest e-mail.' },
  INVITATION_NOT_RESENDABLE: {
    status: 409,
    message: 'The buyer already claimed this need, or it is no longer a draft: there is no invitation to resend.',
  },
  PARTNER_MEMBER_NOT_FOUND: { status: 404, message: 'This user is not a partner-admin of this partner.' },
  PARTNER_NEED_NOT_FOUND: { status: 404, message: 'This partner brought no need with this id.' },
  INVITATION_OTHER_ORGANISATION: {
    status: 403,
    message: 'This need belongs to another organisation: sign in with an account of the company named in the invitation.',
  },
});
