/** The process's PATH, where `npm run backup` looks for PostgreSQL client tools after the usual folders. */
export function systemPath(): string | undefined {
  return process.env.PATH;
}
