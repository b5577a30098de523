import { randomUUID } from 'node:crypto';
import { ValidationPipe } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import compress from '@fastify/compress';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppExceptionFilter } from './common/errors/app-exception.filter.js';
import { CommonErrors } from './common/errors/common.errors.js';
import { validationFailed } from './common/errors/validation.js';
import { StorableTextGuard } from './common/validation/storable-text.guard.js';
import type { AppConfig } from './config/app-config.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { ConsoleAwareExceptionFilter } from './web/shared/console-aware-exception.filter.js';
import { WebExceptionFilter } from './web/shared/web-exception.filter.js';
import { registerWebConsole } from './web/web-setup.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The Fastify adapter with the request id and logging every instance of the app shares. */
export function createFastifyAdapter(config: AppConfig, logger: Logger): FastifyAdapter {
  return new FastifyAdapter({
    loggerInstance: logger,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Long path parameters reach validation (400/404 in the error format) instead of the router's bare 414.
    routerOptions: { maxParamLength: 1000 },
    // What the router refuses before any route (a path parameter over 1,000 characters, a broken
    // percent-encoding) answers in the error format like everything else, with its request id:
    // Fastify's own bodies had neither, and its 414 was in no operation of the document.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const refused =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? CommonErrors.NOT_FOUND()
          : CommonErrors.VALIDATION_FAILED('The address is not valid (a broken percent-encoding).');
      void reply
        .code(refused.status)
        .header('x-request-id', request.id)
        // The router answers before the hooks that set the security headers: the one a JSON body needs.
        .header('x-content-type-options', 'nosniff')
        .send({ statusCode: refused.status, code: refused.code, message: refused.message, requestId: request.id });
    },
    // Keep a caller's request id when it looks sane, so traces join up across services.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
  });
}

/** Everything main.ts and the tests both need: pipes, filter, headers, CORS, OpenAPI. */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => validationFailed(errors),
    }),
  );
  // Console controllers fail as French pages with their own filter; this one also takes what fails before any handler.
  app.useGlobalFilters(new ConsoleAwareExceptionFilter(new AppExceptionFilter(), app.get(WebExceptionFilter, { strict: false })));
  // Before the module guards (APP_GUARD): the login strategy reads the e-mail from the database.
  app.useGlobalGuards(new StorableTextGuard());

  const fastify = app.getHttpAdapter().getInstance();
  // CSV bodies arrive as text for the routes that read them (the diagnostic import, decision 029).
  // UTF-8 only, checked: a spreadsheet's Latin-1 export was read with U+FFFD in place of each accent.
  fastify.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, new TextDecoder('utf-8', { fatal: true }).decode(body as Buffer));
    } catch {
      done(
        CommonErrors.VALIDATION_FAILED('The CSV file is not UTF-8.', [
          {
            field: 'body',
            messages: [
              'Le fichier n’est pas encodé en UTF-8 : enregistrez-le depuis le tableur en « CSV UTF-8 » (Excel) ou avec le jeu de caractères « Unicode (UTF-8) » (LibreOffice), puis recommencez.',
            ],
          },
        ]),
        undefined,
      );
    }
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // helmet's security headers, its middleware built once: @fastify/helmet built it anew on every
  // request (CSP directives parsed each time), about 2 % of the CPU of GET /offerings/:id.
  const securityHeaders = helmet({
    // The Swagger UI needs inline scripts and styles; the API itself serves JSON only.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
    );
  await registerWebConsole(app);
  // Pages, JSON and assets over 1 kB leave compressed (brotli or gzip, as the client accepts): issue 22.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  const origins = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  app.enableCors({ origin: origins.length > 0 ? origins : false, credentials: true, exposedHeaders: ['x-request-id'] });

  if (config.DOCS_ENABLED) {
    const document = buildOpenApiDocument(app, config.APP_PUBLIC_URL);
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
  }
}
