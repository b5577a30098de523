/**
 * The version of the terms of use and privacy notice a sign-up accepts, recorded with the account.
 * Change it with the texts of /app/mentions-legales and /app/donnees-personnelles.
 */
export const TERMS_VERSION = '2026-12-06';
