import { fileURLToPath } from 'node:url';
import { Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../identity/caller.js';
import { FLASH_MESSAGES, type FlashCode } from './flash.js';
import { formatHelpers } from './format.js';

const VIEWS = fileURLToPath(new URL('../views', import.meta.url));

/** What every page says of the site when it says nothing of itself. */
export const DEFAULT_DESCRIPTION =
  "Circuit IA met en relation les TPE, PME et collectivités avec des solutions d'intelligence artificielle françaises et souveraines, au plus près de chez elles.";

/** A meta description: one line, at most 160 characters, cut at a word. */
export function metaDescription(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= 160) return line || DEFAULT_DESCRIPTION;
  const cut = line.slice(0, 159);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 120))}…`;
}

/** What every page's layout reads. */
export interface PageContext {
  title: string;
  /** The page's meta description: what a search engine or a shared link shows under the title. */
  description: string;
  user: AuthenticatedUser | null;
  csrf: string;
  path: string;
  flash: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** This browser's CSRF token, set by the web hook on every /app request. */
    webCsrfToken?: string;
  }
}

/**
 * Server-side rendering of the console's Eta templates. Templates only lay out what services
 * return: every rule (who sees what, what is eligible, which action is allowed) lives in the
 * services the API uses, and templates receive their results.
 */
@Injectable()
export class WebViews {
  private readonly eta = Object.assign(
    new Eta({
      views: VIEWS,
      cache: true,
      autoEscape: true,
      autoTrim: [false, 'nl'],
      // Templates (and the partials they include) read the display helpers as `h`.
      functionHeader: 'const h = this.helpers;',
    }),
    { helpers: formatHelpers },
  );

  context(request: FastifyRequest, title: string, description: string = DEFAULT_DESCRIPTION): PageContext {
    const user = (request as FastifyRequest & { user?: AuthenticatedUser }).user ?? null;
    const query = request.query as Record<string, unknown> | undefined;
    const code = typeof query?.message === 'string' ? (query.message as FlashCode) : null;
    return {
      title,
      description,
      user,
      csrf: request.webCsrfToken ?? '',
      path: request.url.split('?')[0] ?? '/app',
      flash: code && Object.hasOwn(FLASH_MESSAGES, code) ? FLASH_MESSAGES[code] : null,
    };
  }

  render(template: string, data: Record<string, unknown>): string {
    return this.eta.render(template, data);
  }

  /** Renders a full page (or, for htmx requests asking for a fragment, the fragment template). */
  send(
    reply: FastifyReply,
    request: FastifyRequest,
    template: string,
    title: string,
    data: Record<string, unknown> = {},
    status = 200,
  ): void {
    const description = typeof data.metaDescription === 'string' ? metaDescription(data.metaDescription) : undefined;
    const html = this.render(template, { ...data, ctx: this.context(request, title, description) });
    void reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  }

  /** A fragment for htmx, without the layout. */
  sendFragment(reply: FastifyReply, request: FastifyRequest, template: string, data: Record<string, unknown> = {}): void {
    const html = this.render(template, { ...data, ctx: this.context(request, '') });
    void reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  }
}

/** Post/redirect/get: 303 so the browser follows with a GET; htmx gets HX-Redirect. */
export function seeOther(reply: FastifyReply, request: FastifyRequest, location: string): void {
  if (request.headers['hx-request'] === 'true') {
    void reply.status(204).header('hx-redirect', location).send();
    return;
  }
  void reply.status(303).header('location', location).send();
}
