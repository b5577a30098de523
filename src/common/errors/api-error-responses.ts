import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiInternalServerErrorResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto.js';

/**
 * The 400 any API route can answer, set on each controller class: path parameters are parsed (a
 * malformed UUID), bodies and queries validated, and the global StorableTextGuard refuses a NUL
 * byte anywhere. A handler's own @ApiBadRequestResponse says more and takes precedence.
 */
export const ApiValidationFailedResponse = (): ClassDecorator & MethodDecorator =>
  ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED: a malformed path parameter, query or body; details name each field.',
  });

/**
 * What every route that reads the database can answer besides its own statuses: the 400 above, the
 * 503 the error filter sends while PostgreSQL is down or the pool is exhausted (retry later), and
 * the bare 500 of an unexpected error (logged with its request id, no internals in the body).
 */
export const ApiCommonErrorResponses = (): ClassDecorator & MethodDecorator =>
  applyDecorators(
    ApiValidationFailedResponse(),
    ApiServiceUnavailableResponse({
      type: ErrorBodyDto,
      description: 'SERVICE_UNAVAILABLE: the database is unavailable or saturated; retry later.',
    }),
    ApiInternalServerErrorResponse({ type: ErrorBodyDto, description: 'INTERNAL_ERROR: unexpected; quote the requestId.' }),
  ) as ClassDecorator & MethodDecorator;
