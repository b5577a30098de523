import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { blankToUndefined, toBoolean, toInt } from '../env-transforms.js';

/** PostgreSQL: a server or the embedded one, the pool, migrations, backups, demo data. */
export class DatabaseVariables {
  /** PostgreSQL server to use; when unset, an embedded PostgreSQL is started. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Data folder of the embedded PostgreSQL (kept across restarts). */
  @IsString()
  EMBEDDED_PG_DIR = './.data/postgres';

  /** Port of the embedded PostgreSQL. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Folder of the pg_dump / pg_restore used by `npm run backup` / `restore`; unset = searched. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  PG_BIN_DIR?: string;

  /** Maximum connections in the database pool. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /** Apply pending migrations at start. */
  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /**
   * Load the demo data set at start when the database is empty. Unset: yes on the embedded
   * database, no on DATABASE_URL (set it to true to load it there too); false: never.
   */
  @Transform(({ value }) => toBoolean({ value: blankToUndefined({ value }) }))
  @IsOptional()
  @IsBoolean()
  DEMO_DATA?: boolean;
}
