import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isWebRequest } from './web-path.js';

/**
 * The app's global filter. Console controllers have their own (WebExceptionFilter), but what fails
 * before any handler runs (a body over the limit, a content type no parser takes, an unknown route)
 * meets global filters only: console paths then get the console's French page, the API its JSON.
 */
@Catch()
export class ConsoleAwareExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly api: ExceptionFilter,
    private readonly console: ExceptionFilter,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    (isWebRequest(request) ? this.console : this.api).catch(exception, host);
  }
}
