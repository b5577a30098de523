import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in the caller's transaction when one is given, in a new one otherwise: lets two
 * services' writes commit or fail together (the console saves an organisation's legal data and
 * its public profile as one form).
 */
export function withinTransaction<T>(dataSource: DataSource, outer: EntityManager | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return outer ? work(outer) : dataSource.transaction(work);
}
