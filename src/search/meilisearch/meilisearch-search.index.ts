import { Logger } from '@nestjs/common';
import { Meilisearch, type EnqueuedTaskPromise, type Index } from 'meilisearch';
import { FACETS, type Facet, type OfferingDocument } from '../offering-document.js';
import {
  normaliseQuery,
  SearchUnavailableError,
  type CatalogueQuery,
  type CatalogueResult,
  type SearchHealth,
  type SearchIndex,
} from '../search-index.port.js';
import { classifyMeiliError, MeiliTaskError, toReadError } from './meili-errors.js';
import { buildFilter, quote } from './meili-filter.js';
import { PLACE_FACETS, servedCounts } from '../served-facets.js';
import { CATALOGUE_SORT, OFFERINGS_INDEX, OFFERINGS_SETTINGS } from './meili-settings.js';
import { PARTIAL_BELOW } from '../typo-budget.js';
import { MEILI_DEFAULTS, type MeiliOptions } from './meili-options.js';

/**
 * Catalogue search on Meilisearch (used when MEILI_URL is set). No Meilisearch server runs on the
 * development machines: this adapter passes the shared contract suite whenever MEILI_URL is set,
 * and test/meilisearch-adapter.e2e-spec.ts checks its failure handling against a fake server.
 */
export class MeilisearchSearchIndex implements SearchIndex {
  readonly backend = 'meilisearch' as const;
  private readonly logger = new Logger('MeilisearchSearchIndex');
  private readonly options: Required<MeiliOptions>;
  private readonly client: Meilisearch;
  private readonly index: Index<OfferingDocument>;
  /** Settings known applied; false again as soon as the index or its settings are found lost. */
  private ready = false;
  private preparing: Promise<void> | null = null;
  private lastFailure: { at: number; error: unknown } | null = null;
  private keyChecked = false;

  constructor(url: string, apiKey: string | undefined, indexUid = OFFERINGS_INDEX, options: MeiliOptions = {}) {
    this.options = { ...MEILI_DEFAULTS, ...options };
    this.client = new Meilisearch({
      host: url,
      apiKey,
      timeout: this.options.timeoutMs,
      defaultWaitOptions: { timeout: this.options.taskTimeoutMs },
    });
    this.index = this.client.index<OfferingDocument>(indexUid);
  }

  /** Creates the index when missing and applies the settings; throws when Meilisearch cannot. */
  async prepare(): Promise<void> {
    this.ready = false;
    await this.startPreparing();
  }

  async upsert(documents: OfferingDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const deadline = Date.now() + this.options.enqueueDeadlineMs;
    await this.withRecovery(deadline, async () => {
      // Keep only documents at least as new as the indexed ones (Meilisearch has no conditional
      // write); the enqueue deadline keeps an older delivery from landing after a newer one.
      const filter = `id IN [${documents.map((d) => quote(d.id)).join(', ')}]`;
      const current = await this.index.getDocuments({ filter, fields: ['id', 'version'], limit: documents.length });
      const indexed = new Map(current.results.map((d) => [d.id, d.version]));
      const fresh = documents.filter((d) => (indexed.get(d.id) ?? -1) <= d.version);
      if (fresh.length === 0) return;
      this.beforeEnqueue(deadline);
      await this.awaitTask(this.index.addDocuments(fresh, { primaryKey: 'id' }));
    });
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const deadline = Date.now() + this.options.enqueueDeadlineMs;
    await this.withRecovery(deadline, async () => {
      this.beforeEnqueue(deadline);
      await this.awaitTask(this.index.deleteDocuments(ids));
    });
  }

  async clear(): Promise<void> {
    const deadline = Date.now() + this.options.enqueueDeadlineMs;
    await this.withRecovery(deadline, () => this.awaitTask(this.index.deleteAllDocuments()));
  }

  async search(query: CatalogueQuery): Promise<CatalogueResult> {
    const text = normaliseQuery(query.q);
    const filter = buildFilter(query);
    // Every word required, as PostgreSQL's tsquery; when that finds fewer than PARTIAL_BELOW, the
    // partial matches follow (words dropped from the end), as PostgreSQL's partial mode.
    const ask = (matchingStrategy: 'all' | 'last') =>
      this.read(() =>
        this.index.search(text || null, {
          filter,
          facets: [...FACETS, 'national'],
          page: query.page,
          hitsPerPage: query.pageSize,
          matchingStrategy,
          sort: CATALOGUE_SORT,
          locales: ['fra'],
        }),
      );
    let strategy: 'all' | 'last' = 'all';
    let response = await ask(strategy);
    // Decided on the text alone, as for PostgreSQL: a filter that leaves few exact matches must not
    // bring partial ones in, or choosing a facet value would find more than its count promised.
    if (response.totalHits < PARTIAL_BELOW && text.includes(' ') && (!filter || (await this.textTotal(text)) < PARTIAL_BELOW)) {
      strategy = 'last';
      response = await ask(strategy);
    }
    const facets = Object.fromEntries(FACETS.map((f) => [f, { ...(response.facetDistribution?.[f] ?? {}) }])) as Record<
      Facet,
      Record<string, number>
    >;
    // Place facets count as their filter matches (decision 024): national offerings in every région
    // and département. The codes listed are then counted over the matched offerings that are not
    // national (a national offering may list some too), with the same text and filters.
    const national = response.facetDistribution?.national?.true ?? 0;
    if (national > 0) {
      const listed = await this.read(() =>
        this.index.search(text || null, {
          filter: filter ? `(${filter}) AND national = false` : 'national = false',
          facets: [...PLACE_FACETS],
          limit: 0,
          matchingStrategy: strategy,
          locales: ['fra'],
        }),
      );
      for (const facet of PLACE_FACETS) facets[facet] = servedCounts(facet, { ...(listed.facetDistribution?.[facet] ?? {}) }, national);
    }
    return {
      items: response.hits.map((hit) => ({ document: stripMeta(hit) })),
      total: response.totalHits,
      page: query.page,
      pageSize: query.pageSize,
      facets,
    };
  }

  /** How many offerings the text finds with every word in the whole catalogue, whatever the filters. */
  private async textTotal(text: string): Promise<number> {
    const all = await this.read(() => this.index.search(text, { page: 1, hitsPerPage: 0, matchingStrategy: 'all', locales: ['fra'] }));
    return all.totalHits;
  }

  async listIds(): Promise<string[]> {
    return this.read(async () => {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await this.index.getDocuments({ fields: ['id'], limit: 1000, offset });
        ids.push(...page.results.map((d) => d.id));
        if (page.results.length < 1000) break;
      }
      return ids.sort();
    });
  }

  /**
   * Authenticated checks, not `/health` (which needs no key): the index exists with its settings,
   * and the key may read it, search it and read tasks (without `tasks.get` no write completes).
   */
  async health(): Promise<SearchHealth> {
    try {
      await this.ensureReady(this.options.timeoutMs);
      await this.index.getRawInfo();
      await this.client.tasks.getTasks({ indexUids: [this.index.uid], limit: 1 });
      await this.index.search(null, { limit: 0 });
      return { backend: this.backend, ok: true };
    } catch (error) {
      const failure = classifyMeiliError(error);
      if (failure.kind === 'lost') this.ready = false;
      const detail =
        failure.kind === 'lost' ? `index ${this.index.uid} missing or without its settings (${failure.detail})` : failure.detail;
      return { backend: this.backend, ok: false, detail };
    }
  }

  /** Runs an operation once the settings are in place; if it finds them lost, re-applies them and runs it again. */
  private async withRecovery<T>(deadline: number, operation: () => Promise<T>): Promise<T> {
    await this.ensureReady(deadline - Date.now());
    try {
      return await operation();
    } catch (error) {
      const failure = classifyMeiliError(error);
      if (failure.kind !== 'lost') throw error;
      this.logger.warn(`Meilisearch index ${this.index.uid} lost (${failure.detail}): applying its settings again.`);
      this.ready = false;
      await this.ensureReady(deadline - Date.now());
      return await operation();
    }
  }

  /** A read: bounded by the HTTP timeout, and failing as SearchUnavailableError on an outage. */
  private async read<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await this.withRecovery(Date.now() + this.options.timeoutMs, operation);
    } catch (error) {
      throw toReadError(error);
    }
  }

  private async ensureReady(budgetMs: number): Promise<void> {
    if (this.ready) return;
    const failure = this.lastFailure;
    if (!this.preparing && failure && Date.now() - failure.at < this.options.retryPrepareAfterMs) throw failure.error;
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new SearchUnavailableError('not_ready', `Meilisearch index ${this.index.uid} is still being prepared.`)),
        Math.max(0, budgetMs),
      );
    });
    try {
      // The preparation goes on in the background when this caller cannot wait for it.
      await Promise.race([this.startPreparing(), outOfTime]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One preparation at a time, shared by every caller waiting for it. */
  private startPreparing(): Promise<void> {
    if (!this.preparing) {
      const preparing: Promise<void> = this.applySettings()
        .catch((error: unknown) => {
          this.lastFailure = { at: Date.now(), error };
          throw error;
        })
        .finally(() => {
          if (this.preparing === preparing) this.preparing = null;
        });
      preparing.catch(() => undefined);
      this.preparing = preparing;
    }
    return this.preparing;
  }

  private async applySettings(): Promise<void> {
    const timeout = this.options.settingsTimeoutMs;
    const created = await this.ensureIndex(timeout);
    const task = await this.index.updateSettings(OFFERINGS_SETTINGS).waitTask({ timeout });
    if (task.status !== 'succeeded') throw new MeiliTaskError(task.uid, task.status, task.error?.code, task.error?.message ?? '');
    this.ready = true;
    this.lastFailure = null;
    if (created) {
      this.logger.warn(
        `Meilisearch index ${this.index.uid} created empty: if PostgreSQL already holds published offerings, run \`node dist/src/search/reindex.js\`.`,
      );
    }
    await this.warnIfMasterKey();
  }

  /** True when the index had to be created. */
  private async ensureIndex(timeout: number): Promise<boolean> {
    try {
      await this.index.getRawInfo();
      return false;
    } catch (error) {
      if (classifyMeiliError(error).kind !== 'lost') throw error;
    }
    const task = await this.client.createIndex(this.index.uid, { primaryKey: 'id' }).waitTask({ timeout });
    if (task.status !== 'succeeded' && task.error?.code !== 'index_already_exists') {
      throw new MeiliTaskError(task.uid, task.status, task.error?.code, task.error?.message ?? '');
    }
    return task.status === 'succeeded';
  }

  /** The app's key should not manage keys: a key that can list them is the master key or as strong. */
  private async warnIfMasterKey(): Promise<void> {
    if (this.keyChecked) return;
    this.keyChecked = true;
    const canManageKeys = await this.client.getKeys({ limit: 1 }).then(
      () => true,
      () => false,
    );
    if (canManageKeys)
      this.logger.warn(
        'MEILI_API_KEY can manage API keys (the master key?): give the app the scoped key (README, "Deploying with docker-compose").',
      );
  }

  private beforeEnqueue(deadline: number): void {
    if (Date.now() > deadline) {
      throw new SearchUnavailableError(
        'unreachable',
        `Meilisearch write not enqueued within ${this.options.enqueueDeadlineMs} ms: left to a later delivery, with fresh data.`,
      );
    }
  }

  private async awaitTask(enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await enqueued.waitTask({ timeout: this.options.taskTimeoutMs });
    if (task.status !== 'succeeded') throw new MeiliTaskError(task.uid, task.status, task.error?.code, task.error?.message ?? '');
  }
}

function stripMeta(hit: object): OfferingDocument {
  const copy: Record<string, unknown> = { ...(hit as Record<string, unknown>) };
  for (const key of Object.keys(copy)) if (key.startsWith('_')) delete copy[key];
  return copy as unknown as OfferingDocument;
}
