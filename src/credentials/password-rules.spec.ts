import { passwordProblems } from './password-rules.js';

describe('passwordProblems', () => {
  it.each([
    ['a long and unusual phrase', 'marie.curie@example.fr', []],
    ['Tr0ub4dor&3-cheval', undefined, []],
    ['short', undefined, ['password must be at least 12 characters long']],
    ['eleven char', undefined, ['password must be at least 12 characters long']],
    ['x'.repeat(129), undefined, ['password must be at most 128 characters long', 'password must not repeat a single character']],
    ['Password1234', undefined, ['password is too common']],
    ['AZERTYUIOP123', undefined, ['password is too common']],
    ['123456789012', undefined, ['password is too common']],
    ['aaaaaaaaaaaaaaaa', undefined, ['password must not repeat a single character']],
    ['marie.curie-2026!', 'Marie.Curie@example.fr', ['password must not contain your e-mail address']],
    ['my jo password is long', 'jo@example.fr', []],
  ])('%j with e-mail %j → %j', (password, email, expected) => {
    expect(passwordProblems(password, email)).toEqual(expected);
  });
});
