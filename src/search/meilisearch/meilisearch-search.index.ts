import { Meilisearch, type Index } from 'meilisearch';
import { FACETS, type Facet, type OfferingDocument } from '../offering-document.js';
import { normaliseQuery, type CatalogueQuery, type CatalogueResult, type SearchHealth, type SearchIndex } from '../search-index.port.js';
import { buildFilter, quote } from './meili-filter.js';
import { OFFERINGS_INDEX, OFFERINGS_SETTINGS } from './meili-settings.js';

/** Every write is an asynchronous task: a delivery is done only when its task succeeded. */
const TASK_TIMEOUT_MS = 30_000;

/**
 * Catalogue search on Meilisearch (used when MEILI_URL is set). No Meilisearch server runs on the
 * development machines: this adapter passes the shared contract suite whenever MEILI_URL is set.
 */
export class MeilisearchSearchIndex implements SearchIndex {
  readonly backend = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly index: Index<OfferingDocument>;

  constructor(url: string, apiKey: string | undefined, indexUid = OFFERINGS_INDEX) {
    this.client = new Meilisearch({ host: url, apiKey });
    this.index = this.client.index<OfferingDocument>(indexUid);
  }

  private settingsApplied = false;

  async prepare(): Promise<void> {
    await this.client.createIndex(this.index.uid, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS }).catch(() => undefined);
    const task = await this.index.updateSettings(OFFERINGS_SETTINGS).waitTask({ timeout: TASK_TIMEOUT_MS });
    if (task.status !== 'succeeded') throw new Error(`Meilisearch settings task ${task.status}: ${JSON.stringify(task.error)}`);
    this.settingsApplied = true;
  }

  /** Settings must be in place before documents are filtered; retried here if Meilisearch was down at start. */
  private async ensureSettings(): Promise<void> {
    if (!this.settingsApplied) await this.prepare();
  }

  async upsert(documents: OfferingDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.ensureSettings();
    // Keep only documents at least as new as the indexed ones (Meilisearch has no conditional write).
    const current = await this.index.getDocuments({ filter: `id IN [${documents.map((d) => quote(d.id)).join(', ')}]`, fields: ['id', 'version'], limit: documents.length });
    const indexed = new Map(current.results.map((d) => [d.id, d.version]));
    const fresh = documents.filter((d) => (indexed.get(d.id) ?? -1) <= d.version);
    if (fresh.length === 0) return;
    await this.awaitTask(this.index.addDocuments(fresh, { primaryKey: 'id' }));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.awaitTask(this.index.deleteDocuments(ids));
  }

  async clear(): Promise<void> {
    await this.awaitTask(this.index.deleteAllDocuments());
  }

  async search(query: CatalogueQuery): Promise<CatalogueResult> {
    const text = normaliseQuery(query.q);
    const response = await this.index.search(text || null, {
      filter: buildFilter(query),
      facets: [...FACETS],
      page: query.page,
      hitsPerPage: query.pageSize,
      sort: text ? undefined : ['publishedAt:desc', 'id:asc'],
      locales: ['fra'],
    });
    const facets = Object.fromEntries(
      FACETS.map((f) => [f, { ...(response.facetDistribution?.[f] ?? {}) }]),
    ) as Record<Facet, Record<string, number>>;
    return {
      items: response.hits.map((hit) => ({ document: stripMeta(hit) })),
      total: response.totalHits,
      page: query.page,
      pageSize: query.pageSize,
      facets,
    };
  }

  async relevance(text: string, ids: string[]): Promise<Map<string, number>> {
    const scores = new Map<string, number>(ids.map((id) => [id, 0]));
    const normalised = normaliseQuery(text);
    if (!normalised || ids.length === 0) return scores;
    const response = await this.index.search(normalised, {
      filter: `id IN [${ids.map(quote).join(', ')}]`,
      limit: ids.length,
      showRankingScore: true,
      matchingStrategy: 'last',
      attributesToRetrieve: ['id'],
      locales: ['fra'],
    });
    // _rankingScore (0–1) does not depend on other documents: usable as an absolute criterion.
    for (const hit of response.hits) scores.set(hit.id, Math.round(100 * (hit._rankingScore ?? 0)));
    return scores;
  }

  async topIds(text: string, limit: number): Promise<string[]> {
    const normalised = normaliseQuery(text);
    if (!normalised || limit <= 0) return [];
    const response = await this.index.search(normalised, { limit, matchingStrategy: 'last', attributesToRetrieve: ['id'], locales: ['fra'] });
    return response.hits.map((hit) => hit.id);
  }

  async listIds(): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.index.getDocuments({ fields: ['id'], limit: 1000, offset });
      ids.push(...page.results.map((d) => d.id));
      if (page.results.length < 1000) break;
    }
    return ids.sort();
  }

  async health(): Promise<SearchHealth> {
    try {
      await this.client.health();
      return { backend: this.backend, ok: true };
    } catch (error) {
      return { backend: this.backend, ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private async awaitTask(enqueued: ReturnType<Index['addDocuments']>): Promise<void> {
    const task = await enqueued.waitTask({ timeout: TASK_TIMEOUT_MS });
    if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`);
  }
}

function stripMeta(hit: object): OfferingDocument {
  const copy: Record<string, unknown> = { ...(hit as Record<string, unknown>) };
  for (const key of Object.keys(copy)) if (key.startsWith('_')) delete copy[key];
  return copy as unknown as OfferingDocument;
}
