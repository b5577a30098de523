import { csrfToken, csrfTokenMatches, newCsrfSecret } from './csrf.js';

describe('CSRF tokens', () => {
  const key = 'server-key-of-at-least-32-characters!!';

  it('accepts the token derived from the same secret and key', () => {
    const secret = newCsrfSecret();
    expect(csrfTokenMatches(key, secret, csrfToken(key, secret))).toBe(true);
  });

  it.each([
    ['another secret', (s: string) => csrfToken(key, `${s}x`)],
    ['another key', (s: string) => csrfToken(`${key}x`, s)],
    ['the secret itself', (s: string) => s],
    ['an empty token', () => ''],
    ['a non-string', () => 42],
    ['an oversized token', () => 'a'.repeat(500)],
  ])('refuses %s', (_name, make) => {
    const secret = newCsrfSecret();
    expect(csrfTokenMatches(key, secret, make(secret))).toBe(false);
  });

  it('refuses everything without a secret cookie', () => {
    expect(csrfTokenMatches(key, undefined, csrfToken(key, ''))).toBe(false);
  });
});
