import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The store of rate-limiter-flexible's PostgreSQL limiters (login failures, per-IP route limits),
 * shared by every app instance (decision 016). Its shape is the library's own; created here so the
 * app never runs DDL at request time. Keys hold hashes, never e-mail addresses.
 */
export class RateLimit1765100000000 implements MigrationInterface {
  name = 'RateLimit1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE rate_limit (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limit');
  }
}
