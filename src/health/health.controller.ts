import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../identity/public.decorator.js';
import { ApiValidationFailedResponse } from '../common/errors/api-error-responses.js';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { OutboxHealthIndicator } from './outbox.health.js';
import { SearchHealthIndicator } from './search.health.js';

@ApiTags('health')
@ApiValidationFailedResponse()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly outbox: OutboxHealthIndicator,
    private readonly search: SearchHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  // Terminus would document its own 503 shape; the error filter answers ErrorBody (details: the report).
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: the database answers; the search backend and the outbox lag are reported.' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['status', 'info', 'error', 'details'],
      properties: {
        status: { type: 'string', enum: ['ok'] },
        info: { type: 'object', additionalProperties: true, description: 'Each check that is up, with what it reports.' },
        error: { type: 'object', additionalProperties: true },
        details: { type: 'object', additionalProperties: true },
      },
      example: {
        status: 'ok',
        info: {
          database: { status: 'up' },
          search: { status: 'up', backend: 'postgres' },
          outbox: { status: 'up', pending: 0, failing: 0, oldestPendingSeconds: null },
        },
        error: {},
        details: {},
      },
    },
  })
  @ApiServiceUnavailableResponse({
    type: ErrorBodyDto,
    description: 'SERVICE_UNAVAILABLE; details holds the report, the failing check under error.',
  })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 1500 }),
      () => this.search.check('search'),
      () => this.outbox.check('outbox'),
    ]);
  }
}
