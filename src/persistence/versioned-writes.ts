import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/** Inserts one row and returns its generated id, inside the caller's transaction. */
export async function insertReturningId<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  values: QueryDeepPartialEntity<E>,
): Promise<string> {
  const result = await manager.getRepository(entity).createQueryBuilder().insert().values(values).returning('id').execute();
  return (result.raw as { id: string }[])[0].id;
}

/**
 * Applies `changes` only if the row still has the version the caller read (the version column is
 * bumped by the update): of two concurrent writers, the second gets false, then a 409.
 */
export async function updateIfVersion<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  id: string,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<E>,
): Promise<boolean> {
  const result = await manager
    .getRepository(entity)
    .createQueryBuilder()
    .update()
    .set(changes)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  return result.affected === 1;
}
