import type { FastifyInstance, FastifyRequest } from 'fastify';
import iconv from 'iconv-lite';
import { isWebPath } from './web-path.js';

/** Largest console upload (a diagnostic file): far above a real diagnostic, far below memory trouble. */
export const UPLOAD_LIMIT_BYTES = 512 * 1024;

/**
 * multipart/form-data for the console's upload forms (a file input must post it), read with the
 * platform's own `FormData` parser (undici's, in Node): no dependency added. Only /app paths take it;
 * a file becomes its text (UTF-8, or Windows-1252 when it is not UTF-8), so the body is the same plain object of strings as a form's, and
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
    const text = typeof value === 'string' ? value : fileText(new Uint8Array(await value.arrayBuffer()));
    const known = form[name];
    form[name] = known === undefined ? text : [...(Array.isArray(known) ? known : [known]), text];
  }
  return form;
}

/**
 * A file's text: UTF-8 when it is, else Windows-1252, what French spreadsheets export as « CSV »
 * (Excel's default): read as UTF-8, each accent became U+FFFD and the text was lost.
 */
export function fileText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // iconv-lite, not TextDecoder: Node 20's 'windows-1252' decoder reads 0x80–0x9F as Latin-1
    // control characters, losing €, œ and the typographic quotes.
    return iconv.decode(Buffer.from(bytes), 'win1252');
  }
}

/** multipart/form-data, whatever its boundary. */
export const isMultipart = (type: string | undefined): boolean => type?.split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';
