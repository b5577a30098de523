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

  /** Joins the caller's transaction when one is given, else opens one. */
  within<T>(outer: EntityManager | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.dataSource.transaction(work);
  }
}

@Global()
@Module({ providers: [TransactionRunner], exports: [TransactionRunner] })
export class PersistenceModule {}
