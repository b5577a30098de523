import type { FastifyRequest } from 'fastify';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { errorResponse } from './app-exception.filter.js';

const request = {} as FastifyRequest;

describe('errorResponse: database failures', () => {
  it.each([
    ['the server refusing connections', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['the server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a transaction whose connection was released (TypeORM 1.x)', new QueryRunnerProviderAlreadyReleasedError()],
    ['a released query runner', new QueryRunnerAlreadyReleasedError()],
  ])('answers 503 to %s', (_, error) => {
    expect(errorResponse(error, request)).toEqual({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable; try again shortly.',
    });
  });

  it('maps a unique violation to 409 and keeps anything else a 500', () => {
    const unique = new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key value'), { code: '23505' }));
    expect(errorResponse(unique, request).statusCode).toBe(409);
    expect(errorResponse(new Error('boom'), request)).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred.',
    });
  });
});

describe('errorResponse: text the database cannot store', () => {
  it('answers 400 INVALID_TEXT to SQLSTATE 22021 (a NUL byte that got past validation)', () => {
    const nul = new QueryFailedError(
      'SELECT …',
      [],
      Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
    );
    expect(errorResponse(nul, request)).toEqual({
      statusCode: 400,
      code: 'INVALID_TEXT',
      message: 'A text value holds a character that cannot be stored.',
    });
  });
});
