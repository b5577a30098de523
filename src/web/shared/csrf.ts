import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Double-submit CSRF tokens bound to a per-browser secret: the secret lives in an httpOnly cookie,
 * forms and htmx requests send HMAC(secret), which a cross-site page can neither read nor compute.
 * SameSite=Lax on the session cookie is the first barrier; this is the second.
 */
export const newCsrfSecret = (): string => randomBytes(32).toString('base64url');

export function csrfToken(serverKey: string, secret: string): string {
  return createHmac('sha256', serverKey).update(`csrf:${secret}`).digest('base64url');
}

export function csrfTokenMatches(serverKey: string, secret: string | undefined, token: unknown): boolean {
  if (!secret || typeof token !== 'string' || token.length === 0 || token.length > 100) return false;
  const expected = Buffer.from(csrfToken(serverKey, secret));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
