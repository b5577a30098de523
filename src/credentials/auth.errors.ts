import { defineErrors } from '../common/errors/domain-error.js';

export const AuthErrors = defineErrors({
  // One code and message for an unknown e-mail and a wrong password: no account enumeration.
  INVALID_CREDENTIALS: { status: 401, message: 'E-mail or password is incorrect.' },
  INVALID_REFRESH_TOKEN: { status: 401, message: 'The refresh token is invalid, expired or revoked; log in again.' },
  // Same answer for known and unknown e-mails: failures are counted per e-mail typed, not per account.
  LOGIN_THROTTLED: { status: 429, message: 'Too many failed sign-in attempts; try again later.' },
  EMAIL_TAKEN: { status: 409, message: 'An account already uses this e-mail address.' },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    message: 'Confirm your e-mail address first: follow the link sent at sign-up, or ask for a new one (POST /auth/email/resend).',
  },
  EMAIL_ALREADY_VERIFIED: { status: 409, message: 'This e-mail address is already confirmed.' },
  // One answer for unknown, used and expired links: a guessed token learns nothing.
  ACCOUNT_LINK_INVALID: { status: 400, message: 'This link is invalid, expired or already used; ask for a new one.' },
});
