import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/** An open transaction of this async context; `open` turns false once it committed or rolled back. */
interface OpenTransaction {
  open: boolean;
}

const current = new AsyncLocalStorage<OpenTransaction>();

/** What to do when a query leaves its transaction: throw (dev, test) or log (production). */
export type GuardMode = 'throw' | 'log';

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super('A query took a second pool connection while a transaction of the same request was open; pass its EntityManager.');
    this.name = 'QueryOutsideTransactionError';
  }
}

let report: (error: QueryOutsideTransactionError) => void = (error) => {
  throw error;
};

/**
 * Called before taking a pool connection: inside an open transaction that would hold one
 * connection (and its row locks) while waiting for another, which starves the pool under load.
 */
export function assertOutsideTransaction(): void {
  if (current.getStore()?.open) report(new QueryOutsideTransactionError());
}

/**
 * Marks the callbacks of `dataSource.transaction()` and watches the data source's query runners:
 * any query issued during a transaction but not through its manager is reported.
 */
export function guardTransactions(dataSource: DataSource, mode: GuardMode, log: (message: string) => void): void {
  report =
    mode === 'throw'
      ? (error) => {
          throw error;
        }
      : (error) => log(`${error.message}\n${error.stack ?? ''}`);
  const manager = dataSource.manager as EntityManager & { __guarded?: boolean };
  if (manager.__guarded) return;
  manager.__guarded = true;
  const transaction = manager.transaction.bind(manager) as (isolation: unknown, work?: unknown) => Promise<unknown>;
  manager.transaction = ((isolationOrWork: unknown, maybeWork?: unknown) => {
    assertOutsideTransaction();
    const isolation = typeof isolationOrWork === 'function' ? undefined : isolationOrWork;
    const work = (typeof isolationOrWork === 'function' ? isolationOrWork : maybeWork) as (m: EntityManager) => Promise<unknown>;
    const state: OpenTransaction = { open: true };
    const marked = (m: EntityManager) => current.run(state, () => work(m));
    return (isolation === undefined ? transaction(marked) : transaction(isolation, marked)).finally(() => {
      state.open = false;
    });
  }) as EntityManager['transaction'];
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = ((...args: Parameters<DataSource['createQueryRunner']>) => {
    assertOutsideTransaction();
    return createQueryRunner(...args);
  }) as DataSource['createQueryRunner'];
}
