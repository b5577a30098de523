/** E-mails are unique case-insensitively: stored and compared trimmed and lower-cased. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** True for PostgreSQL's unique violation on the given constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null;
  const driver = e?.driverError ?? e;
  return driver?.code === '23505' && driver.constraint === constraint;
}
