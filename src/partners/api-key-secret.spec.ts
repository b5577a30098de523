import { apiKeyPrefix, generateApiKey, generateInvitationToken, hashSecret } from './api-key-secret.js';

describe('partner API key secrets', () => {
  it('makes keys that carry their prefix and are stored by their SHA-256 only', () => {
    const key = generateApiKey();
    expect(key.secret.startsWith(`${key.prefix}_`)).toBe(true);
    expect(key.hash).toBe(hashSecret(key.secret));
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.secret).not.toContain(key.hash);
  });

  it('never makes the same key twice', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => generateApiKey().secret));
    expect(secrets.size).toBe(200);
  });

  it.each([
    ['a generated key', () => generateApiKey().secret, true],
    ['a JWT', () => 'eyJhbGciOiJIUzI1NiJ9.e30.sig', false],
    ['a truncated key', () => generateApiKey().secret.slice(0, -1), false],
    ['an uppercase prefix', () => generateApiKey().secret.replace('ciak_', 'CIAK_'), false],
    ['empty', () => '', false],
  ])('reads the prefix of %s only when it is shaped like a key', (_name, make, valid) => {
    const candidate = make();
    expect(apiKeyPrefix(candidate) !== null).toBe(valid);
    if (valid) expect(candidate.startsWith(apiKeyPrefix(candidate)!)).toBe(true);
  });

  it('makes invitation tokens stored by their hash', () => {
    const { token, hash } = generateInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashSecret(token));
  });
});
