import { Catch, Injectable, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorResponse } from '../../common/errors/app-exception.filter.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { handlingOfCode } from './error-handling.js';
import { frenchErrorMessage } from './french-messages.js';
import { WebErrorPages } from './error-pages.js';
import { safeReturnPath } from './return-path.js';
import { seeOther } from './views.js';

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  403: 'Accès refusé',
  404: 'Page introuvable',
  409: 'Action impossible',
  413: 'Formulaire trop volumineux',
  415: 'Format non pris en charge',
  429: 'Trop de tentatives',
  503: 'Service indisponible',
};

/**
 * Errors on console pages become pages: what error-handling.ts sends to sign-in goes to the login
 * page (and back afterwards); the rest render the error page in French with the API's status.
 */
@Catch()
@Injectable()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebConsole');

  constructor(private readonly pages: WebErrorPages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (reply.sent) return;

    // The API's own reading of the error (domain codes, HTTP exceptions, PostgreSQL states, outages).
    const { statusCode, code } = errorResponse(exception, request);
    let status = statusCode;

    if (handlingOfCode(code, status) === 'sign-in') {
      const back = request.method === 'GET' ? request.url : (request.headers.referer ?? '/app');
      seeOther(reply, request, `/app/connexion?retour=${encodeURIComponent(safeReturnPath(back))}`);
      return;
    }
    if (status >= 500 && status !== 503)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    // A malformed id in a page address is a page that does not exist.
    if (status === 400 && !(exception instanceof DomainError)) status = 404;
    this.pages.send(request, reply, status, TITLES[status] ?? 'Erreur', frenchErrorMessage(code, status));
  }
}
