import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RELEVANCE_DIR } from './relevance-corpus.js';

/** One query of the judged search set (test/relevance/search-queries.json). */
export interface SearchQuery {
  q: string;
  why?: string;
  /** Corpus offering keys a searcher wants to see for it. */
  relevant: string[];
}

export function readSearchQueries(dir = RELEVANCE_DIR): SearchQuery[] {
  return (JSON.parse(readFileSync(path.join(dir, 'search-queries.json'), 'utf8')) as { queries: SearchQuery[] }).queries;
}

/** What a backend answered to one query: the offering keys in rank order (the first 20), and the total. */
export interface SearchRun {
  q: string;
  ranked: string[];
  total: number;
  relevant: string[];
}

export interface SearchFigures {
  queries: number;
  /** Mean over queries of relevant offerings in the top 5 / min(5, relevant offerings). */
  recall5: number;
  /** Mean of 1 / rank of the first relevant offering (0 when none in the first 20). */
  mrr: number;
  /** Share of queries with a relevant offering that found nothing at all. */
  zeroResultRate: number;
  /** The queries below 1 in recall@5, for the report. */
  misses: { q: string; recall5: number; firstRelevant: number | null; total: number }[];
}

export const SEARCH_TARGETS = { recall5: 0.9, zeroResultRate: 0 } as const;

export function recallAt(run: SearchRun, k: number): number {
  const top = new Set(run.ranked.slice(0, k));
  return run.relevant.filter((key) => top.has(key)).length / Math.min(k, run.relevant.length);
}

export function firstRelevantRank(run: SearchRun): number | null {
  const i = run.ranked.findIndex((key) => run.relevant.includes(key));
  return i < 0 ? null : i + 1;
}

export function searchFigures(runs: readonly SearchRun[]): SearchFigures {
  const n = runs.length || 1;
  const withRelevant = runs.filter((r) => r.relevant.length > 0);
  const mean = (f: (r: SearchRun) => number): number => withRelevant.reduce((a, r) => a + f(r), 0) / (withRelevant.length || 1);
  return {
    queries: runs.length,
    recall5: mean((r) => recallAt(r, 5)),
    mrr: mean((r) => {
      const rank = firstRelevantRank(r);
      return rank === null ? 0 : 1 / rank;
    }),
    zeroResultRate: withRelevant.filter((r) => r.total === 0).length / (withRelevant.length || n),
    misses: withRelevant
      .filter((r) => recallAt(r, 5) < 1)
      .map((r) => ({ q: r.q, recall5: Number(recallAt(r, 5).toFixed(2)), firstRelevant: firstRelevantRank(r), total: r.total })),
  };
}

/** Runs the judged search set against GET /offerings of a running app (the first 20 of each query). */
export async function runSearchSet(
  get: (path: string) => Promise<{ items: { id: string }[]; total: number }>,
  keyOf: ReadonlyMap<string, string>,
  queries: readonly SearchQuery[] = readSearchQueries(),
): Promise<{ figures: SearchFigures; runs: SearchRun[] }> {
  const runs: SearchRun[] = [];
  for (const q of queries) {
    const body = await get(`/offerings?q=${encodeURIComponent(q.q)}&page=1&pageSize=20`);
    runs.push({ q: q.q, ranked: body.items.map((i) => keyOf.get(i.id) ?? i.id), total: body.total, relevant: q.relevant });
  }
  return { figures: searchFigures(runs), runs };
}
