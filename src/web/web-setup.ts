import cookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../identity/caller.js';
import { WebErrorPages } from './shared/error-pages.js';
import { csrfToken, csrfTokenMatches, newCsrfSecret } from './shared/csrf.js';
import { ERROR_MESSAGES_FR } from './shared/french-messages.js';
import { isMultipart, registerMultipartForms } from './shared/multipart.js';
import { isWebRequest } from './shared/web-path.js';
import { CSRF_COOKIE, WebSessionService } from './shared/web-session.service.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The console's pages run no inline script (htmx and its attributes only): a stricter policy than
 * the one the Swagger UI needs, so an injection that slipped past escaping could not run.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/** Console forms post application/x-www-form-urlencoded (htmx too), or multipart/form-data to upload a file; anything else is not ours. */
const isFormBody = (request: FastifyRequest): boolean => {
  const type = request.headers['content-type'];
  if (type === undefined) return !request.body;
  return type.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded' || isMultipart(type);
};

/**
 * Cookies (Nest's Fastify adapter already parses form bodies) and, for /app only, the session and CSRF check. It runs as a Fastify hook,
 * before Nest's guards, so the console's routes use the API's own @Roles() guard and
 * @CurrentCaller(): a page cannot grant more than the API would.
 */
export async function registerWebConsole(app: NestFastifyApplication): Promise<void> {
  const sessions = app.get(WebSessionService, { strict: false });
  const errors = app.get(WebErrorPages, { strict: false });
  await app.register(cookie);
  registerMultipartForms(app.getHttpAdapter().getInstance());

  // On request rather than before the handler: pages answered before any handler (a body over the limit) carry it too.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (isWebRequest(request)) void reply.header('content-security-policy', CONSOLE_CSP);
    });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isWebRequest(request)) return;
      let secret = request.cookies[CSRF_COOKIE];
      if (!secret || secret.length > 100) {
        secret = newCsrfSecret();
        void reply.setCookie(CSRF_COOKIE, secret, sessions.cookieBase);
      }
      request.webCsrfToken = csrfToken(sessions.csrfKey, secret);

      if (UNSAFE.has(request.method)) {
        if (!isFormBody(request)) {
          errors.send(request, reply, 415, 'Format non pris en charge', ERROR_MESSAGES_FR.UNSUPPORTED_MEDIA_TYPE);
          return reply;
        }
        const body = request.body as Record<string, unknown> | undefined;
        const given = request.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined);
        if (!csrfTokenMatches(sessions.csrfKey, request.cookies[CSRF_COOKIE], given)) {
          errors.send(
            request,
            reply,
            403,
            'Formulaire expiré',
            'Ce formulaire a expiré ou ne vient pas de Circuit IA. Rechargez la page et recommencez.',
          );
          return reply;
        }
      }

      try {
        const user = await sessions.resolve(request, reply);
        if (user) (request as FastifyRequest & { user?: AuthenticatedUser }).user = user;
      } catch (error) {
        request.log.warn({ err: error }, 'web session could not be read');
        errors.send(
          request,
          reply,
          503,
          'Service indisponible',
          'Un service nécessaire est momentanément indisponible ; réessayez dans un instant.',
        );
        return reply;
      }
      return undefined;
    });
}
