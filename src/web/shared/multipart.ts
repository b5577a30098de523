import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isWebPath } from './web-path.js';

/** Largest console upload (a diagnostic file): far above a real diagnostic, far below memory trouble. */
export const UPLOAD_LIMIT_BYTES = 512 * 1024;

/**
 * multipart/form-data for the console's upload forms (a file input must post it), read with the
 * platform's own `FormData` parser (undici's, in Node): no dependency added. Only /app paths take it;
 * a file becomes its UTF-8 text, so the body is the same plain object of strings as a form's, and
 * the CSRF check reads `_csrf` from it as from any form.
 */
export function registerMultipartForms(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES },
    (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: unknown) => void) => {
      if (!isWebPath(request.url)) {
        done(Object.assign(new Error('multipart bodies are for console forms only'), { statusCode: 415 }));
        return;
      }
      void readMultipart(body, String(request.headers['content-type'])).then(
        (form) => done(null, form),
        () => done(Object.assign(new Error('unreadable multipart body'), { statusCode: 400 })),
      );
    },
  );
}

/** Text fields as strings, files as their text; repeated names become arrays, as a form's do. */
export async function readMultipart(body: Buffer, contentType: string): Promise<Record<string, string | string[]>> {
  const data = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const form: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of data.entries()) {
    const text = typeof value === 'string' ? value : await value.text();
    const known = form[name];
    form[name] = known === undefined ? text : [...(Array.isArray(known) ? known : [known]), text];
  }
  return form;
}

/** multipart/form-data, whatever its boundary. */
export const isMultipart = (type: string | undefined): boolean => type?.split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';
