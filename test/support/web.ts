/**
 * A browser-like client for the console's pages in e2e tests: keeps cookies, reads the CSRF token
 * from the last page and sends it with every form, like the pages' own forms do.
 *
 *   const web = await webSignIn(t, buyer);                     // a session cookie for this account
 *   const page = await web.get('/app/acheteur');               // { status, text, location }
 *   await web.post('/app/acheteur/besoins', { title: '…' });   // form-encoded, CSRF included
 */
import request from 'supertest';
import type { TestApp } from './test-app.js';

export interface WebResponse {
  status: number;
  text: string;
  location: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

export type FormFields = Record<string, string | string[] | number | boolean | undefined>;

export class WebClient {
  readonly agent: ReturnType<typeof request.agent>;
  csrf = '';

  constructor(readonly t: TestApp) {
    this.agent = request.agent(t.server);
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<WebResponse> {
    const res = await this.agent.get(path).set(headers).redirects(0);
    this.remember(res.text);
    return toResponse(res);
  }

  /** Posts a form with this browser's CSRF token (fetched from `from` first when none is known yet). */
  async post(path: string, fields: FormFields = {}, options: { csrf?: string | false; from?: string } = {}): Promise<WebResponse> {
    if (!this.csrf && options.csrf === undefined) await this.get(options.from ?? '/app/connexion');
    const form = new URLSearchParams();
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== false) form.append('_csrf', token);
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, String(v));
    }
    const res = await this.agent.post(path).type('form').send(form.toString()).redirects(0);
    this.remember(res.text);
    return toResponse(res);
  }

  /** Posts a form with a file (multipart/form-data, as a file input sends it), CSRF included. */
  async upload(
    path: string,
    file: { field: string; name: string; content: string },
    fields: FormFields = {},
    options: { csrf?: string | false } = {},
  ): Promise<WebResponse> {
    if (!this.csrf && options.csrf === undefined) await this.get('/app/connexion');
    let req = this.agent.post(path).redirects(0);
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== false) req = req.field('_csrf', token);
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) req = req.field(key, String(v));
    }
    const res = await req.attach(file.field, Buffer.from(file.content, 'utf8'), file.name);
    this.remember(res.text);
    return toResponse(res);
  }

  private remember(html: string | undefined): void {
    const token = /name="_csrf" value="([^"]+)"/.exec(html ?? '')?.[1] ?? /"x-csrf-token": "([^"]+)"/.exec(html ?? '')?.[1];
    if (token) this.csrf = token;
  }
}

const toResponse = (res: request.Response): WebResponse => ({
  status: res.status,
  text: res.text ?? '',
  location: res.headers.location as string | undefined,
  headers: res.headers as Record<string, string | string[] | undefined>,
});

/** Signs in through the login form; fails the test when the form does not redirect. */
export async function webSignIn(t: TestApp, who: { email: string; password: string }): Promise<WebClient> {
  const web = new WebClient(t);
  await web.get('/app/connexion');
  const res = await web.post('/app/connexion', { email: who.email, password: who.password });
  if (res.status !== 303) throw new Error(`login failed for ${who.email}: ${res.status}\n${res.text.slice(0, 500)}`);
  return web;
}

/** The visible text of a page, tags stripped and entities decoded, for assertions. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
