import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP server speaking the subset of Meilisearch's API the adapter and the key
 * provisioning use, to test their failure handling here (no Meilisearch server can run on these
 * machines). It is not a search engine: `q` is ignored, filters are only checked against the
 * filterable attributes (and `id IN [...]` and a last `national = true|false` applied), facets counted, so relevance stays the contract suite's job.
 */
type Json = Record<string, unknown>;
type Doc = Record<string, unknown> & { id: string };

interface FakeIndex {
  settings: Json;
  documents: Map<string, Doc>;
}

export interface FakeTask {
  uid: number;
  indexUid: string | null;
  type: string;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed';
  error: Json | null;
}

export interface FakeKey {
  uid: string;
  key: string;
  name: string | null;
  description: string | null;
  actions: string[];
  indexes: string[];
  expiresAt: string | null;
}

export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class FakeMeilisearch {
  readonly indexes = new Map<string, FakeIndex>();
  readonly tasks: FakeTask[] = [];
  readonly requests: FakeRequest[] = [];
  readonly keys = new Map<string, FakeKey>();
  /** `hang`: accept every request and never answer; `error500`: answer every request with a 500. */
  mode: 'ok' | 'hang' | 'error500' = 'ok';
  /** Delay before each answer. */
  delayMs = 0;
  /** Tasks stay `processing` while true. */
  holdTasks = false;
  private readonly failNext = new Map<string, Json>();
  private readonly answerNext: { path: RegExp; status: number; body: Json }[] = [];
  private server: http.Server | undefined;
  private port = 0;

  constructor(readonly masterKey = 'fake-master-key-0123456789') {}

  /** A port free right now, to point a client at a server that is not started yet. */
  static async freePort(): Promise<number> {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A key with these actions on these indexes, as Meilisearch derives it (HMAC of its uid). */
  addKey(actions: string[], indexes = ['*'], uid = `00000000-0000-4000-8000-${String(this.keys.size + 1).padStart(12, '0')}`): string {
    const key = createHmac('sha256', this.masterKey).update(uid).digest('hex');
    this.keys.set(uid, { uid, key, name: null, description: null, actions, indexes, expiresAt: null });
    return key;
  }

  /** The next task of this type fails with this error. */
  failNextTask(type: string, error: { code: string; message: string }): void {
    this.failNext.set(type, { ...error, type: 'internal', link: '' });
  }

  /** The next request whose path matches gets this answer instead. */
  answerOnce(path: RegExp, status: number, body: { code: string; message: string }): void {
    this.answerNext.push({ path, status, body: { ...body, type: 'invalid_request', link: '' } });
  }

  /** Lets held tasks finish. */
  releaseTasks(): void {
    this.holdTasks = false;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, authorization: req.headers.authorization, body });
    if (this.mode === 'hang') return;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const send = (status: number, payload: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    try {
      if (this.mode === 'error500') throw new HttpError(500, 'internal', 'The fake server is failing on purpose.');
      const canned = this.answerNext.findIndex((a) => a.path.test(url.pathname));
      if (canned >= 0) {
        const [answer] = this.answerNext.splice(canned, 1);
        return send(answer.status, answer.body);
      }
      const [status, payload] = this.route(req.method ?? 'GET', url, body, req.headers.authorization);
      send(status, payload);
    } catch (error) {
      if (error instanceof HttpError) send(error.status, { message: error.message, code: error.code, type: 'invalid_request', link: '' });
      else send(500, { message: String(error), code: 'internal', type: 'internal', link: '' });
    }
  }

  private authorize(authorization: string | undefined, action: string, indexUid: string | null): void {
    if (!authorization) throw new HttpError(401, 'missing_authorization_header', 'The Authorization header is missing.');
    const token = authorization.replace(/^Bearer /, '');
    if (token === this.masterKey) return;
    const key = [...this.keys.values()].find((k) => k.key === token);
    if (!key || action.startsWith('keys.')) throw new HttpError(403, 'invalid_api_key', 'The provided API key is invalid.');
    const family = `${action.split('.')[0]}.*`;
    const allowed = key.actions.some((a) => a === '*' || a === action || a === family);
    const onIndex =
      indexUid === null || key.indexes.some((i) => i === '*' || i === indexUid || (i.endsWith('*') && indexUid.startsWith(i.slice(0, -1))));
    if (!allowed || !onIndex) throw new HttpError(403, 'invalid_api_key', 'The provided API key is invalid.');
  }

  private route(method: string, url: URL, body: unknown, authorization: string | undefined): [number, unknown] {
    const path = url.pathname.replace(/\/+$/, '');
    if (method === 'GET' && path === '/health') return [200, { status: 'available' }];
    const parts = path.split('/').filter(Boolean);
    const need = (action: string, indexUid: string | null = null) => this.authorize(authorization, action, indexUid);
    if (parts[0] === 'tasks') {
      need('tasks.get');
      if (parts[1]) {
        const task = this.tasks.find((t) => t.uid === Number(parts[1]));
        if (!task) throw new HttpError(404, 'task_not_found', `Task \`${parts[1]}\` not found.`);
        return [200, task];
      }
      return [200, { results: [...this.tasks].reverse().slice(0, Number(url.searchParams.get('limit') ?? 20)), total: this.tasks.length }];
    }
    if (parts[0] === 'keys') return this.keysRoute(method, parts[1], body as Json, need);
    if (parts[0] !== 'indexes') throw new HttpError(404, 'not_found', `No route ${method} ${path}.`);
    if (parts.length === 1 && method === 'POST') {
      const { uid } = body as { uid: string };
      need('indexes.create', uid);
      return this.enqueue(uid, 'indexCreation', () => {
        if (this.indexes.has(uid)) throw new HttpError(409, 'index_already_exists', `Index \`${uid}\` already exists.`);
        this.indexes.set(uid, { settings: {}, documents: new Map() });
      });
    }
    const uid = parts[1];
    const rest = parts.slice(2).join('/');
    const existing = () => {
      const index = this.indexes.get(uid);
      if (!index) throw new HttpError(404, 'index_not_found', `Index \`${uid}\` not found.`);
      return index;
    };
    const orCreate = () => this.indexes.get(uid) ?? this.indexes.set(uid, { settings: {}, documents: new Map() }).get(uid)!;
    if (rest === '' && method === 'GET') return (need('indexes.get', uid), existing(), [200, { uid, primaryKey: 'id' }]);
    if (rest === 'settings' && method === 'PATCH') {
      need('settings.update', uid);
      return this.enqueue(uid, 'settingsUpdate', () => Object.assign(orCreate().settings, body as Json));
    }
    if (rest === 'settings' && method === 'GET') return (need('settings.get', uid), [200, existing().settings]);
    if (rest === 'documents' && method === 'POST') {
      need('documents.add', uid);
      return this.enqueue(uid, 'documentAdditionOrUpdate', () => {
        for (const doc of body as Doc[]) orCreate().documents.set(doc.id, doc);
      });
    }
    if (rest === 'documents' && method === 'GET') {
      need('documents.get', uid);
      const all = [...existing().documents.values()];
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      return [200, { results: all.slice(offset, offset + limit), offset, limit, total: all.length }];
    }
    if (rest === 'documents/fetch' && method === 'POST') {
      need('documents.get', uid);
      const { filter, limit = 20 } = body as { filter?: string; limit?: number };
      const docs = this.filtered(existing(), filter, 'invalid_document_filter');
      return [200, { results: docs.slice(0, limit), offset: 0, limit, total: docs.length }];
    }
    if (rest === 'documents/delete-batch' && method === 'POST') {
      need('documents.delete', uid);
      return this.enqueue(uid, 'documentDeletion', () => {
        for (const id of body as string[]) existing().documents.delete(id);
      });
    }
    if (rest === 'documents' && method === 'DELETE') {
      need('documents.delete', uid);
      return this.enqueue(uid, 'documentDeletion', () => existing().documents.clear());
    }
    if (rest === 'search' && method === 'POST') {
      need('search', uid);
      const {
        filter,
        sort = [],
        facets = [],
        limit = 20,
        hitsPerPage,
        page = 1,
      } = body as { filter?: string; sort?: string[]; facets?: string[]; limit?: number; hitsPerPage?: number; page?: number };
      const index = existing();
      const sortable = (index.settings.sortableAttributes as string[] | undefined) ?? [];
      for (const s of sort) {
        const attribute = s.split(':')[0];
        if (!sortable.includes(attribute)) throw new HttpError(400, 'invalid_search_sort', `Attribute \`${attribute}\` is not sortable.`);
      }
      const docs = this.filtered(index, filter, 'invalid_search_filter');
      const size = hitsPerPage ?? limit;
      // Facets must be filterable, as in Meilisearch; counted over every filtered document.
      const facetDistribution: Record<string, Record<string, number>> = {};
      for (const facet of facets) {
        if (!((index.settings.filterableAttributes as string[] | undefined) ?? []).includes(facet))
          throw new HttpError(400, 'invalid_search_facets', `Attribute \`${facet}\` is not filterable.`);
        const counts: Record<string, number> = {};
        for (const d of docs) {
          const value = d[facet];
          for (const v of Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
            counts[String(v)] = (counts[String(v)] ?? 0) + 1;
        }
        facetDistribution[facet] = counts;
      }
      return [
        200,
        {
          hits: docs.slice((page - 1) * size, page * size),
          totalHits: docs.length,
          estimatedTotalHits: docs.length,
          facetDistribution,
          processingTimeMs: 0,
          query: '',
        },
      ];
    }
    throw new HttpError(404, 'not_found', `No route ${method} ${path}.`);
  }

  private keysRoute(method: string, uid: string | undefined, body: Json, need: (action: string) => void): [number, unknown] {
    if (method === 'GET' && !uid)
      return (need('keys.get'), [200, { results: [...this.keys.values()], offset: 0, limit: 20, total: this.keys.size }]);
    if (method === 'GET') {
      need('keys.get');
      const key = this.keys.get(uid as string);
      if (!key) throw new HttpError(404, 'api_key_not_found', `API key \`${uid}\` not found.`);
      return [200, key];
    }
    if (method === 'DELETE') return (need('keys.delete'), this.keys.delete(uid as string), [204, undefined]);
    if (method === 'POST') {
      need('keys.create');
      const created = body as unknown as FakeKey;
      if (this.keys.has(created.uid)) throw new HttpError(409, 'api_key_already_exists', `API key \`${created.uid}\` already exists.`);
      this.addKey(created.actions, created.indexes, created.uid);
      const key = this.keys.get(created.uid) as FakeKey;
      Object.assign(key, { name: created.name ?? null, description: created.description ?? null });
      return [201, key];
    }
    throw new HttpError(404, 'not_found', 'No such keys route.');
  }

  /** Checks the filter's attributes are filterable; applies `id IN [...]`, lets anything else through. */
  private filtered(index: FakeIndex, filter: string | undefined, code: string): Doc[] {
    const docs = [...index.documents.values()];
    if (!filter) return docs;
    const filterable = (index.settings.filterableAttributes as string[] | undefined) ?? [];
    for (const [, attribute] of filter.matchAll(/([A-Za-z]+) (?:IN|=)/g)) {
      if (!filterable.includes(attribute))
        throw new HttpError(
          400,
          code,
          `Attribute \`${attribute}\` is not filterable. Available filterable attributes are: ${filterable.join(', ')}.`,
        );
    }
    // A last `national = true|false` condition (the place facets' second search) is applied too.
    const national = /(?:^|\) AND )national = (true|false)$/.exec(filter);
    if (national) return docs.filter((d) => d.national === (national[1] === 'true'));
    const ids = /^id IN \[(.*)\]$/.exec(filter);
    if (!ids) return docs;
    const wanted = new Set([...ids[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]));
    return docs.filter((d) => wanted.has(d.id));
  }

  private enqueue(indexUid: string, type: string, apply: () => void): [number, unknown] {
    const task: FakeTask = { uid: this.tasks.length, indexUid, type, status: 'enqueued', error: null };
    this.tasks.push(task);
    const failure = this.failNext.get(type);
    if (failure) {
      this.failNext.delete(type);
      Object.assign(task, { status: 'failed', error: failure });
    } else if (this.holdTasks) {
      task.status = 'processing';
      const hold = setInterval(() => {
        if (this.holdTasks) return;
        clearInterval(hold);
        this.process(task, apply);
      }, 20);
    } else {
      this.process(task, apply);
    }
    return [202, { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() }];
  }

  private process(task: FakeTask, apply: () => void): void {
    try {
      apply();
      task.status = 'succeeded';
    } catch (error) {
      const e = error as HttpError;
      Object.assign(task, {
        status: 'failed',
        error: { message: e.message, code: e.code ?? 'internal', type: 'invalid_request', link: '' },
      });
    }
  }
}
