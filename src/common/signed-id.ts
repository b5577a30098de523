import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A link token naming one id: the id and an HMAC of it under the app's signing secret, in a
 * domain of its own so a token made for one purpose never passes for another. For the one-click
 * unsubscribe link and the outcome survey link.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (secret: string, domain: string, id: string): Buffer => createHmac('sha256', secret).update(`${domain}:${id}`).digest();

export function signId(secret: string, domain: string, id: string): string {
  return `${id}.${mac(secret, domain, id).toString('base64url')}`;
}

/** The id the token was made for in `domain`, or null when it is malformed or its signature is wrong. */
export function verifySignedId(secret: string, domain: string, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  if (!UUID.test(id)) return null;
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(secret, domain, id);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
