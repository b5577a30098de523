import type { CatalogueQuery, CatalogueResult } from '../search-index.port.js';

/**
 * Catalogue results kept by one instance, each under the search generation read before it was
 * computed (decision 037). A result is served only while the generation is unchanged: any write to
 * the searched offerings, on any instance, bumps it. Least recently used first out; a copy goes
 * out, so a caller changing what it got cannot change what the next one gets.
 */
export class SearchResultCache {
  private readonly entries = new Map<string, { generation: string; result: CatalogueResult }>();

  constructor(readonly capacity: number) {}

  get enabled(): boolean {
    return this.capacity > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** What identifies a query: its fields set, in a fixed order (lists as given). */
  static key(query: CatalogueQuery): string {
    const fields = Object.entries(query).filter(([, value]) => value !== undefined);
    return JSON.stringify(fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  get(key: string, generation: string): CatalogueResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.generation !== generation) return undefined;
    this.entries.set(key, entry);
    return structuredClone(entry.result);
  }

  set(key: string, generation: string, result: CatalogueResult): void {
    this.entries.delete(key);
    this.entries.set(key, { generation, result: structuredClone(result) });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
