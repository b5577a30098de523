import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/errors/error-body.dto.js';
import { PUBLIC_EXTENSION } from '../identity/public.decorator.js';

type Operation = Record<string, unknown> & {
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

/**
 * The OpenAPI document partners generate clients from (decision 025): built by /docs, by
 * `npm run openapi:document` (redocly lint, typed client) and by the tests' response validator.
 */
export function buildOpenApiDocument(app: INestApplication, serverUrl: string): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Circuit IA API')
      .setDescription(
        'Matchmaking between French AI vendors and the needs of TPE/PME and collectivités. ' +
          'Errors always have the shape of ErrorBody; list routes return { items, total, page, pageSize }.',
      )
      .setVersion('0.1.0')
      .addServer(serverUrl, 'This instance')
      .addBearerAuth()
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: 'X-Api-Key',
          description:
            'A partner API key (`ciak_…`), created by an admin and shown once; scopes needs:write and needs:read. ' +
            'Only the /partner routes accept it; a JWT does not open them (decision 029).',
        },
        'partner-key',
      )
      // Every route needs the access token unless it says otherwise (public routes: security []).
      .addSecurityRequirements('bearer')
      .build(),
    { extraModels: [ErrorBodyDto] },
  );
  for (const operation of operations(document)) {
    applyPublicAccess(operation);
    addBodyParsingErrors(operation);
    completeCallbacks(operation);
  }
  return document;
}

/**
 * @Public() marks its operations with an extension, since the Swagger module drops an empty
 * `security` list: here it becomes `security: []` (anonymous), or "anonymous or bearer" where the
 * route also reads an optional token (`@ApiBearerAuth()` beside `@Public()`).
 */
function applyPublicAccess(operation: Operation): void {
  if (operation[PUBLIC_EXTENSION] !== true) return;
  delete operation[PUBLIC_EXTENSION];
  operation.security = operation.security?.length ? [{}, ...operation.security] : [];
}

/**
 * Fastify refuses a body over 1 MB (413) or of a type it has no parser for (415) before any
 * handler runs, for every operation that takes a body; the error filter answers them as ErrorBody.
 */
function addBodyParsingErrors(operation: Operation): void {
  if (!operation.requestBody) return;
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } },
  });
  operation.responses['413'] ??= error('PAYLOAD_TOO_LARGE: the body is over 1 MB.');
  operation.responses['415'] ??= error('UNSUPPORTED_MEDIA_TYPE: send the body as application/json.');
}

/**
 * A callback (`@ApiCallbacks`: a request this API sends to the caller, such as a partner's webhook)
 * gets what every operation has: a summary, and what a refusal does.
 */
function completeCallbacks(operation: Operation): void {
  const callbacks = operation.callbacks as Record<string, Record<string, Record<string, unknown>>> | undefined;
  for (const callback of Object.values(callbacks ?? {}))
    for (const item of Object.values(callback))
      for (const method of METHODS) {
        const sent = item[method] as Operation | undefined;
        if (!sent) continue;
        sent.summary ??= 'Sent by Circuit IA to the URL you registered.';
        sent.responses['4XX'] ??= {
          description:
            'Refused (as any non-2xx answer, or none in time): the event is retried with backoff, and the webhook switched off after repeated failures.',
        };
      }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function operations(document: OpenAPIObject): Operation[] {
  return Object.values(document.paths).flatMap((item) =>
    METHODS.map((method) => item[method] as Operation | undefined).filter((o): o is Operation => o !== undefined),
  );
}
