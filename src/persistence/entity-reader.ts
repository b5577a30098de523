import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { Pool } from 'pg';
import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { assertOutsideTransaction } from './transaction-guard.js';

/**
 * Reads whole entities by one column with SQL built once from TypeORM's metadata, and hydrates
 * them as TypeORM does (`driver.prepareHydratedValue` per column, no constructor run): the same
 * entities as `findBy`, without building and parsing a query per call (decision 013). For hot
 * read paths only; writes, locks and anything with relations stay on the repositories.
 */
export class EntityReader<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly columns: ColumnMetadata[];
  private readonly select: string;
  private readonly byColumn = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
  ) {
    this.metadata = dataSource.getMetadata(target);
    if (this.metadata.relations.length > 0 || this.metadata.embeddeds.length > 0) {
      throw new Error(`EntityReader reads flat entities only; ${this.metadata.name} has relations or embedded columns.`);
    }
    // As find() selects: columns marked `select: false` and virtual ones are left out.
    this.columns = this.metadata.columns.filter((c) => c.isSelect && !c.isVirtual);
    this.select = `SELECT ${this.columns.map((c) => `"${c.databaseName}"`).join(', ')} FROM "${this.metadata.tablePath}"`;
  }

  /** Every row whose `property` equals `value`, in no particular order. */
  async findBy(property: keyof T & string, value: unknown, manager?: EntityManager): Promise<T[]> {
    const sql = this.sqlFor(property);
    // Outside a transaction, straight to TypeORM's own pg pool: its query runner (created, connected,
    // released and broadcast for each query) cost about 10 % of GET /offerings/:id's throughput.
    // (A manager with no query runner, as `dataSource.manager`, is not in a transaction either.)
    const pool = manager?.queryRunner ? undefined : (this.dataSource.driver as { master?: Pool }).master;
    if (pool) assertOutsideTransaction();
    const rows = pool
      ? (await pool.query<Record<string, unknown>>({ name: this.statementName(property), text: sql, values: [value] })).rows
      : ((await (manager ?? this.dataSource.manager).query(sql, [value])) as Record<string, unknown>[]);
    return rows.map((row) => this.hydrate(row));
  }

  /** The row whose `property` (a unique column) equals `value`, or null. */
  async findOneBy(property: keyof T & string, value: unknown, manager?: EntityManager): Promise<T | null> {
    const [found] = await this.findBy(property, value, manager);
    return found ?? null;
  }

  /** A named statement: each pooled connection parses and plans it once, then only binds it. */
  private statementName(property: string): string {
    return `entity_reader_${this.metadata.tableName}_${property}`;
  }

  private sqlFor(property: string): string {
    let sql = this.byColumn.get(property);
    if (!sql) {
      const column = this.metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${this.metadata.name} has no column ${property}.`);
      sql = `${this.select} WHERE "${column.databaseName}" = $1`;
      this.byColumn.set(property, sql);
    }
    return sql;
  }

  private hydrate(row: Record<string, unknown>): T {
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of this.columns) {
      const value = row[column.databaseName];
      if (value !== undefined) column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(value, column));
    }
    return entity;
  }
}
