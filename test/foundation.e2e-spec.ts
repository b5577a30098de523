import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsEmail, IsInt, IsString, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Public } from '../src/identity/public.decorator.js';
import { CommonErrors } from '../src/common/errors/common.errors.js';
import { createTestApp, type TestApp } from './support/test-app.js';

class AddressDto {
  @IsString()
  @MinLength(2)
  city!: string;
}

class ProbeDto {
  @IsEmail()
  email!: string;

  @IsInt()
  @Min(1)
  @Max(10)
  count!: number;

  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

/** Routes that exist only in this test, to drive each error path through the real pipeline. */
@Public()
@Controller('probe')
class ProbeController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('validate')
  validate(@Body() body: ProbeDto): ProbeDto {
    return body;
  }

  @Get('conflict')
  conflict(): never {
    throw CommonErrors.INVALID_TRANSITION('Cannot publish a closed need.', { allowed: ['reopen'] });
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail');
  }

  @Get('unique')
  async unique(): Promise<void> {
    await this.dataSource.query('CREATE TEMP TABLE t (v int UNIQUE)');
    await this.dataSource.query('INSERT INTO t VALUES (1), (1)');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('Foundation: the app on a real PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ProbeModule] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers liveness with 200', async () => {
    const res = await request(t.server).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports the database up and the outbox lag on readiness', async () => {
    const res = await request(t.server).get('/health/ready').expect(200);
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.outbox).toMatchObject({ status: 'up', pending: 0 });
  });

  it('runs on a migrated database with the search extensions installed', async () => {
    const rows: { extname: string }[] = await t.dataSource.query(
      "SELECT extname FROM pg_extension WHERE extname IN ('unaccent', 'pg_trgm') ORDER BY extname",
    );
    expect(rows.map((r) => r.extname)).toEqual(['pg_trgm', 'unaccent']);
    const [{ name }] = await t.dataSource.query('SELECT current_database() AS name');
    expect(name).toMatch(/test/);
  });

  it('sends a request id header, and keeps a well-formed one given by the caller', async () => {
    const generated = await request(t.server).get('/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(t.server).get('/health').set('x-request-id', 'trace-abc-12345').expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-abc-12345');
    const replaced = await request(t.server).get('/health').set('x-request-id', 'bad id with spaces').expect(200);
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('returns 400 listing every failing field, nested ones included', async () => {
    const res = await request(t.server)
      .post('/probe/validate')
      .send({ email: 'nope', count: 99, address: { city: 'X' }, extra: true })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', requestId: res.headers['x-request-id'] });
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['address.city', 'count', 'email', 'extra']);
  });

  it('returns 400 in the error format for malformed JSON', async () => {
    const res = await request(t.server).post('/probe/validate').set('content-type', 'application/json').send('{"email":').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
    expect(res.body.requestId).toBeDefined();
  });

  it('answers a sign-in body that is an array with the fields it lacks (a guard validates it, before any pipe)', async () => {
    const res = await request(t.server).post('/auth/login').set('content-type', 'application/json').send('[]').expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'password']);
  });

  it('accepts a valid body and converts it to the DTO', async () => {
    const body = { email: 'a@b.fr', count: 3, address: { city: 'Nice' } };
    const res = await request(t.server).post('/probe/validate').send(body).expect(201);
    expect(res.body).toEqual(body);
  });

  it('returns 404 in the error format for an unknown route', async () => {
    const res = await request(t.server).get('/no/such/route').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND', requestId: res.headers['x-request-id'] });
  });

  it('answers what the router refuses in the error format too: an over-long path parameter, a broken percent-encoding', async () => {
    // Fastify's own bodies had no request id, and its 414 was in no operation of the document (an outside review).
    const long = await request(t.server)
      .get(`/need-invitations/${'a'.repeat(10_000)}`)
      .expect(404);
    expect(long.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found.', requestId: long.headers['x-request-id'] });
    const broken = await request(t.server).get('/offerings/%E0%A4%A').expect(400);
    expect(broken.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', requestId: broken.headers['x-request-id'] });
    expect(broken.headers['x-content-type-options']).toBe('nosniff');
  });

  it('returns 409 with details for a domain conflict', async () => {
    const res = await request(t.server).get('/probe/conflict').expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION', details: { allowed: ['reopen'] } });
  });

  it('maps a PostgreSQL unique violation to 409, not 500', async () => {
    const res = await request(t.server).get('/probe/unique').expect(409);
    expect(res.body.code).toBe('ALREADY_EXISTS');
  });

  it('returns a bare 500 without internals for an unexpected error', async () => {
    const res = await request(t.server).get('/probe/crash').expect(500);
    expect(res.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred.',
      requestId: res.headers['x-request-id'],
    });
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });

  it('sets security headers, on errors too', async () => {
    for (const res of [
      await request(t.server).get('/health').expect(200),
      await request(t.server).get('/offerings/not-a-uuid').expect(400),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("img-src 'self' data:");
    }
  });

  it('serves the OpenAPI document with the error body schema', async () => {
    const res = await request(t.server).get('/docs/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.paths['/health/ready']).toBeDefined();
    expect(res.body.components.schemas.ErrorBodyDto).toBeDefined();
  });
});
