import { defineErrors } from '../common/errors/domain-error.js';

export const AuthErrors = defineErrors({
  // One code and message for an unknown e-mail and a wrong password: no account enumeration.
  INVALID_CREDENTIALS: { status: 401, message: 'E-mail or password is incorrect.' },
  INVALID_REFRESH_TOKEN: { status: 401, message: 'The refresh token is invalid, expired or revoked; log in again.' },
  // Same answer for known and unknown e-mails: failures are counted per e-mail typed, not per account.
  LOGIN_THROTTLED: { status: 429, message: 'Too many failed sign-in attempts; try again later.' },
  EMAIL_TAKEN: { status: 409, message: 'An account already uses this e-mail address.' },
});
