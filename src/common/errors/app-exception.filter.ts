import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

/** PostgreSQL error codes a user's request can legitimately cause. */
const PG_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'ALREADY_EXISTS', message: 'A resource with the same unique value already exists.' },
  '23503': { status: 409, code: 'REFERENCED_RESOURCE', message: 'A related resource is missing or still in use.' },
  '23514': { status: 400, code: 'CONSTRAINT_VIOLATED', message: 'A value breaks a rule of the data model.' },
  '22P02': { status: 400, code: 'INVALID_VALUE', message: 'A value has the wrong format.' },
  // Backstop of StorableTextGuard: a NUL byte (or an untranslatable character) in a text value.
  '22021': { status: 400, code: 'INVALID_TEXT', message: 'A text value holds a character that cannot be stored.' },
  '22P05': { status: 400, code: 'INVALID_TEXT', message: 'A text value holds a character that cannot be stored.' },
  '40001': { status: 409, code: 'CONCURRENT_UPDATE', message: 'A concurrent change got there first; try again.' },
};
/** Connection-level failures: the database is down or restarting. */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', 'ECONNREFUSED', 'ECONNRESET']);

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** The one place where errors become HTTP responses. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = { ...errorResponse(exception, request), requestId: String(request.id) };
    const wait = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof wait === 'number') void reply.header('retry-after', wait);
    if (body.statusCode === 503) {
      request.log.warn({ code: body.code, details: body.details }, 'dependency unavailable');
    } else if (body.statusCode >= 500) {
      request.log.error({ err: exception, code: body.code }, 'request failed');
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

/**
 * Status, code and message of any error, as the API answers it. Also read by the web console's
 * filter, so a page fails with the same status and code as the API route it mirrors.
 */
export function errorResponse(exception: unknown, request: FastifyRequest): Omit<ErrorBody, 'requestId'> {
  if (exception instanceof DomainError) {
    return { statusCode: exception.status, code: exception.code, message: exception.message, details: exception.details };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response && typeof response.message === 'string'
        ? response.message
        : exception.message;
    if (status === 404 && exception.constructor.name === 'NotFoundException' && message.startsWith('Cannot ')) {
      return { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}.` };
    }
    if (status === 503) {
      // Readiness checks and dependency failures: say which dependency, never a stack.
      return { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'A dependency is unavailable.', details: response };
    }
    if (status >= 500) return { statusCode: status, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' };
    return { statusCode: status, code: HTTP_CODES[status] ?? `HTTP_${status}`, message };
  }
  const fastifyStatus = fastifyClientError(exception);
  if (fastifyStatus) return fastifyStatus;
  const pgCode = databaseErrorCode(exception);
  if (pgCode && PG_ERRORS[pgCode]) {
    const { status, code, message } = PG_ERRORS[pgCode];
    return { statusCode: status, code, message };
  }
  if (pgCode && PG_UNAVAILABLE.has(pgCode)) {
    return { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable; try again shortly.' };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' };
}

/** Fastify's own errors for malformed requests (bad JSON, wrong content type, too large). */
function fastifyClientError(exception: unknown): Omit<ErrorBody, 'requestId'> | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const e = exception as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (
    typeof e.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500 &&
    typeof e.code === 'string' &&
    e.code.startsWith('FST_')
  ) {
    return { statusCode: e.statusCode, code: HTTP_CODES[e.statusCode] ?? 'BAD_REQUEST', message: String(e.message) };
  }
  return undefined;
}

/**
 * Messages of the pg driver and TypeORM when the server is gone, restarting or unreachable; a
 * transaction whose connection broke is released, and TypeORM then says so in one of two ways.
 */
const CONNECTION_LOST =
  /not queryable|Connection terminated|terminating connection|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|the database system is (shutting down|starting up|in recovery mode)|Connection is not established|query runner (was )?already released/i;

function databaseErrorCode(exception: unknown): string | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const e = exception as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } };
  const code = e.driverError?.code ?? e.code;
  if (typeof code === 'string' && (PG_ERRORS[code] || PG_UNAVAILABLE.has(code))) return code;
  const messages = [e.message, e.driverError?.message].filter((m): m is string => typeof m === 'string');
  if (messages.some((m) => CONNECTION_LOST.test(m))) return 'ECONNREFUSED';
  return typeof code === 'string' ? code : undefined;
}
