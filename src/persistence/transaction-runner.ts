import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one door to a transaction for services: they run their use case inside `run` and hand its
 * manager to repositories, so no service touches a DataSource (docs/decisions/014).
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Runs `batch` in a transaction of its own again and again while it handles a full batch (it
   * returns how many rows it claimed, at most `size`); returns the total. For jobs that claim rows
   * with SKIP LOCKED: each batch commits on its own, so another instance takes the rows left.
   */
  async inBatches(size: number, batch: (manager: EntityManager) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.run(batch);
      total += claimed;
      if (claimed < size) return total;
    }
  }

  /** Joins the caller's transaction when one is given, else opens one. */
  within<T>(outer: EntityManager | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.dataSource.transaction(work);
  }
}

@Global()
@Module({ providers: [TransactionRunner], exports: [TransactionRunner] })
export class PersistenceModule {}
