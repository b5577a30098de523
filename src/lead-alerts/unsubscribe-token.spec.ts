import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

const USER = '0b6f7c1e-1d2a-4c3b-9e8f-123456789abc';

describe('unsubscribe token', () => {
  it('round-trips to the user it was made for', () => {
    expect(verifyUnsubscribeToken('s'.repeat(32), unsubscribeToken('s'.repeat(32), USER))).toBe(USER);
  });

  it('refuses another secret, another user and a tampered or malformed token', () => {
    const token = unsubscribeToken('s'.repeat(32), USER);
    expect(verifyUnsubscribeToken('t'.repeat(32), token)).toBeNull();
    expect(verifyUnsubscribeToken('s'.repeat(32), token.replace(USER, USER.replace('abc', 'abd')))).toBeNull();
    expect(verifyUnsubscribeToken('s'.repeat(32), `${token.slice(0, -2)}xx`)).toBeNull();
    for (const bad of ['', 'abc', `${USER}.`, `not-a-uuid.${token.split('.')[1]}`])
      expect(verifyUnsubscribeToken('s'.repeat(32), bad)).toBeNull();
  });
});
