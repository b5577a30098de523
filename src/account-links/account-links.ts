import { createHash, randomBytes } from 'node:crypto';

/* Account links sent by e-mail (issue 23): what they are for, how long they last, how they are stored. */

export const ACCOUNT_LINK_PURPOSES = ['password_reset', 'email_verification'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

/** A reset link is a key to the account: short-lived. Verification only proves the address: two days. */
export const ACCOUNT_LINK_TTL_MS: Readonly<Record<AccountLinkPurpose, number>> = {
  password_reset: 60 * 60_000,
  email_verification: 48 * 60 * 60_000,
};

/** At most one new link a minute and five an hour per account and purpose: no mailbox flooding. */
export const LINK_REISSUE_AFTER_MS = 60_000;
export const LINK_MAX_PER_HOUR = 5;

/** The outbox topic that carries each purpose's e-mail. */
export const ACCOUNT_LINK_TOPICS: Readonly<Record<AccountLinkPurpose, string>> = {
  password_reset: 'account.password_reset',
  email_verification: 'account.email_verification',
};

/**
 * An invitation to an account someone else created (a partner-admin, decision 029): a
 * `password_reset` link, single-use, sent with its own wording and valid three days, since the
 * person did not ask for it and may read it later than a reset they asked for.
 */
export const INVITATION_TOPIC = 'account.invitation';
export const INVITATION_TTL_MS = 72 * 60 * 60_000;

/** Where each link leads in the console. */
export const ACCOUNT_LINK_PATHS: Readonly<Record<AccountLinkPurpose, string>> = {
  password_reset: '/app/nouveau-mot-de-passe',
  email_verification: '/app/verifier-email',
};

/** 256 random bits, URL-safe. */
export const newAccountLinkToken = (): string => randomBytes(32).toString('base64url');

/** Only this is stored: the token is random, so a fast hash is enough (as for refresh tokens). */
export const hashAccountLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex');
