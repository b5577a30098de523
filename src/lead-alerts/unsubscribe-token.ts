import { signId, verifySignedId } from '../common/signed-id.js';

/**
 * The signed token of a one-click unsubscribe link (RFC 8058): the user's id, signed. No expiry:
 * an unsubscribe link in an old e-mail must still work; it can only turn alerts off.
 */
const DOMAIN = 'circuit-ia:lead-alerts:unsubscribe:v1';

export const unsubscribeToken = (secret: string, userId: string): string => signId(secret, DOMAIN, userId);

/** The user id the token was made for, or null when it is malformed or its signature is wrong. */
export const verifyUnsubscribeToken = (secret: string, token: string): string | null => verifySignedId(secret, DOMAIN, token);
