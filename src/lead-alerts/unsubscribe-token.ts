import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed token of a one-click unsubscribe link (RFC 8058): the user's id and an HMAC of it
 * under the app's signing secret, in a distinct domain so it can never pass for anything else. No
 * expiry: an unsubscribe link in an old e-mail must still work; it can only turn alerts off.
 */
const DOMAIN = 'circuit-ia:lead-alerts:unsubscribe:v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (secret: string, userId: string): Buffer => createHmac('sha256', secret).update(`${DOMAIN}:${userId}`).digest();

export function unsubscribeToken(secret: string, userId: string): string {
  return `${userId}.${mac(secret, userId).toString('base64url')}`;
}

/** The user id the token was made for, or null when it is malformed or its signature is wrong. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const userId = token.slice(0, dot);
  if (!UUID.test(userId)) return null;
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(secret, userId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}
