/**
 * Account e-mails (issue 23). Kept apart from NOTIFICATION_KINDS on purpose: those are listed in
 * the settings and can be muted, and muting these would lock a person out of their own account.
 */
export const ACCOUNT_MAIL_KINDS = ['password_reset', 'email_verification', 'partner_invitation'] as const;
export type AccountMailKind = (typeof ACCOUNT_MAIL_KINDS)[number];
