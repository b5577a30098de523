/** Password rules (issue #3): long enough, and not one an attacker tries first. */

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes any length; the cap keeps a single request from costing too much. */
export const PASSWORD_MAX_LENGTH = 128;

/** Common passwords of 12+ characters (French and English lists); compared case-insensitively. */
const DENYLIST = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  'azertyuiop12',
  'azertyuiop123',
  'azertyuiopqsdf',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwertyuiopasdf',
  'motdepasse12',
  'motdepasse123',
  'motdepasse1234',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'iloveyou1234',
  'administrateur',
  'administrator',
  'administrator1',
  'changeme1234',
  'bienvenue123',
  'bienvenue1234',
  'welcome12345',
  'soleil123456',
  'circuitia1234',
  'circuit-ia-123',
]);

/** Every rule the password breaks, as messages naming the `password` field; empty when fine. */
export function passwordProblems(password: string, email?: string | null): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  const lower = password.toLowerCase();
  if (DENYLIST.has(lower)) problems.push('password is too common');
  if (password.length > 0 && [...password].every((c) => c === password[0])) problems.push('password must not repeat a single character');
  const localPart = email?.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 3 && lower.includes(localPart)) problems.push('password must not contain your e-mail address');
  return problems;
}
