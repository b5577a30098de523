import { MeilisearchApiError, MeilisearchRequestError, MeilisearchTaskTimeOutError } from 'meilisearch';
import { SearchUnavailableError } from '../search-index.port.js';

/** A task that ended in `failed` or `canceled`, with Meilisearch's error code when it has one. */
export class MeiliTaskError extends Error {
  constructor(
    readonly taskUid: number,
    readonly status: string,
    readonly code: string | undefined,
    detail: string,
  ) {
    super(`Meilisearch task ${taskUid} ${status}${code ? ` (${code})` : ''}: ${detail}`);
    this.name = 'MeiliTaskError';
  }
}

/**
 * What an error means for the adapter:
 * - `lost`: the index or its settings are gone (volume lost, index deleted, auto-created bare):
 *   re-apply the settings and try once more;
 * - `unavailable`: the server cannot answer now, or refuses our key: 503, retried later;
 * - `bug`: Meilisearch rejected what we sent (a malformed filter…): surfaced as is (500).
 */
export type MeiliFailure =
  | { kind: 'lost'; detail: string }
  | { kind: 'unavailable'; reason: 'unreachable' | 'unauthorized'; detail: string }
  | { kind: 'bug'; detail: string };

const LOST_CODES = new Set(['index_not_found']);
// Codes whose message says an attribute is not filterable or sortable: settings missing, not a bug.
const SETTINGS_CODES = new Set([
  'invalid_search_filter',
  'invalid_document_filter',
  'invalid_search_sort',
  'invalid_search_facets',
  'invalid_document_sort',
]);

export function classifyMeiliError(error: unknown): MeiliFailure {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof MeiliTaskError) {
    if (error.code && (LOST_CODES.has(error.code) || isSettingsMessage(error.code, detail))) return { kind: 'lost', detail };
    return { kind: 'bug', detail };
  }
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status;
    const code = error.cause?.code ?? '';
    if (LOST_CODES.has(code) || isSettingsMessage(code, detail)) return { kind: 'lost', detail };
    if (status === 401 || status === 403)
      return { kind: 'unavailable', reason: 'unauthorized', detail: `Meilisearch refused the API key (${status} ${code}): ${detail}` };
    if (status >= 500 || status === 408 || status === 429) return { kind: 'unavailable', reason: 'unreachable', detail };
    return { kind: 'bug', detail };
  }
  // Connection refused, DNS, reset, our own HTTP timeout, or a task that did not finish in time.
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchTaskTimeOutError) {
    const cause = (error as { cause?: unknown }).cause;
    const why = cause instanceof Error ? `${detail}: ${cause.message}` : detail;
    return { kind: 'unavailable', reason: 'unreachable', detail: why };
  }
  if (error instanceof SearchUnavailableError) {
    return { kind: 'unavailable', reason: error.reason === 'unauthorized' ? 'unauthorized' : 'unreachable', detail };
  }
  return { kind: 'bug', detail };
}

function isSettingsMessage(code: string, message: string): boolean {
  return SETTINGS_CODES.has(code) && /not (filterable|sortable)/i.test(message);
}

/** The error a read gives its caller: SearchUnavailableError for outages, the original otherwise. */
export function toReadError(error: unknown): unknown {
  if (error instanceof SearchUnavailableError) return error;
  const failure = classifyMeiliError(error);
  if (failure.kind === 'unavailable') return new SearchUnavailableError(failure.reason, failure.detail);
  if (failure.kind === 'lost') return new SearchUnavailableError('index_missing', failure.detail);
  return error;
}
