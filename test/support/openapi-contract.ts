import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** What the API answered, as the test app's onSend hook sees it. */
export interface ObservedResponse {
  method: string;
  /** Fastify's route pattern (`/needs/:id`), undefined when no route matched. */
  route: string | undefined;
  status: number;
  contentType: string | undefined;
  /** The serialised body; undefined for a stream or no body. */
  body: string | undefined;
}

type Schema = Record<string, unknown>;
interface ResponseObject {
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, unknown>;
}

const SCHEMA_ID = 'openapi';
/** Statuses any route can answer, which every API controller declares with one decorator. */
const COMMON_STATUSES = new Set(['400', '500', '503']);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/;

/**
 * Checks each JSON answer of the API against the OpenAPI document (decision 025): the status must
 * be listed for the operation, and a JSON body must match that status's schema. One per test file,
 * each schema compiled by ajv on its first use, so a file pays only for the routes it calls.
 */
export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  /** Responses checked against a documented operation. */
  validated = 0;
  /** Responses of routes outside the document (console pages, assets, /docs), not checked. */
  outside = 0;
  /** `GET /needs/{id} 200`: each operation and status met. */
  readonly operations = new Set<string>();

  constructor(private readonly document: OpenApiDocument) {
    // strict: false lets OpenAPI's own keywords (example, discriminator…) through as annotations.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    for (const [name, pattern] of Object.entries(FORMATS)) this.ajv.addFormat(name, pattern);
    this.ajv.addSchema(toJsonSchema(document) as Schema, SCHEMA_ID);
  }

  static fromFile(file: string): OpenApiContract {
    return new OpenApiContract(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  }

  /** The problem with `response` in words a developer can act on, or null when it honours the document. */
  check(response: ObservedResponse): string | null {
    const path = response.route === undefined ? undefined : toOpenApiPath(response.route);
    const method = response.method.toLowerCase();
    const operation = path === undefined ? undefined : this.document.paths[path]?.[method];
    if (!operation || path === undefined) {
      this.outside++;
      return null;
    }
    this.validated++;
    const where = `${response.method} ${path}`;
    const status = String(response.status);
    this.operations.add(`${where} ${status}`);
    const documented = operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
    if (!documented) {
      return (
        `${where} answered ${status}, a status its OpenAPI operation does not list (it lists ${Object.keys(operation.responses).join(', ')}). ` +
        (COMMON_STATUSES.has(status)
          ? 'Put @ApiCommonErrorResponses() (src/common/errors/api-error-responses.ts) on the controller class, or fix the status the code sends.'
          : `Document it on the handler (e.g. @ApiResponse({ status: ${status}, type: ErrorBodyDto })) or fix the status the code sends.`)
      );
    }
    if (!response.contentType || !JSON_TYPE.test(response.contentType) || !response.body) return null;
    const mediaType = Object.keys(documented.content ?? {}).find((type) => JSON_TYPE.test(type));
    if (!mediaType) {
      const described = Object.keys(documented.content ?? {}).join(', ') || 'no body';
      return (
        `${where} answered ${status} with a JSON body, but the document describes ${described} for that status. ` +
        'Give the response decorator a type (e.g. @ApiOkResponse({ type: SomeDto })); an @ApiProduces on the handler applies to its error responses too.'
      );
    }
    const validate = this.validator(path, method, status, mediaType);
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return `${where} answered ${status} with a content-type of ${response.contentType} but a body that is not JSON.`;
    }
    if (validate(body)) return null;
    return (
      `${where} answered ${status} with a body that does not match its OpenAPI schema ` +
      `(paths["${path}"].${method}.responses["${status}"]):\n` +
      describeErrors(validate.errors ?? []) +
      `\n  body: ${truncate(response.body, 600)}\n` +
      'Fix the DTO decorators (a nullable field needs its type: @ApiProperty({ type: String, nullable: true })) or the code.'
    );
  }

  private validator(path: string, method: string, status: string, mediaType: string): ValidateFunction {
    const pointer = ['paths', path, method, 'responses', status, 'content', mediaType, 'schema'].map(escapePointer).join('/');
    const key = `${SCHEMA_ID}#/${pointer}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: key });
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** `/needs/:id` → `/needs/{id}`. */
export function toOpenApiPath(route: string): string {
  return route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * OpenAPI 3.0 `nullable` in JSON Schema: ajv honours it beside a plain `type`, not beside an enum
 * (null is not among the values) or a `$ref`/`allOf` (the referenced object refuses null); those
 * become "null or the schema".
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'example' ? value : toJsonSchema(value);
  const needsWrapping = out.nullable === true && (out.type === undefined || 'enum' in out || 'allOf' in out || '$ref' in out);
  if (!needsWrapping) return out;
  const { nullable: _nullable, description, ...rest } = out;
  return { description, anyOf: [{ type: 'null' }, rest] };
}

const FORMATS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^\s@]+@[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:\S*$/i,
};

function describeErrors(errors: ErrorObject[]): string {
  return errors
    .slice(0, 8)
    .map((e) => `  - body${e.instancePath || ''}: ${e.message ?? 'invalid'}${paramsOf(e)} (schema ${e.schemaPath})`)
    .join('\n');
}

function paramsOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return ` "${String((error.params as { additionalProperty: string }).additionalProperty)}"`;
  if (error.keyword === 'enum') return ` ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  return '';
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
