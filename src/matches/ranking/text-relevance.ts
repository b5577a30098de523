import { Inject, Injectable, Logger } from '@nestjs/common';
import { SEARCH_INDEX, type SearchIndex } from '../../search/search-index.port.js';
import { textCriterion } from '../scoring/criteria.js';
import type { CriterionResult } from '../scoring/ranking.js';

/** Text relevance of the search index, or null when it is down: text then counts 0 (DESIGN §5, decision 010). */
export type TextScores = Map<string, number> | null;

/**
 * The one search-outage policy of matching, for the ranker and the leads alike: a search index
 * that fails never fails a match. Retrieval gives nothing, relevance gives null, logged here once.
 */
@Injectable()
export class TextRelevance {
  private readonly logger = new Logger(TextRelevance.name);

  constructor(@Inject(SEARCH_INDEX) private readonly search: SearchIndex) {}

  /** The search index's best offerings for the text; none when it is down (matching on use cases only). */
  async retrieve(text: string, limit: number): Promise<string[]> {
    try {
      return await this.search.topIds(text, limit);
    } catch (error) {
      this.logger.warn(`Text retrieval unavailable, matching on use cases only: ${String(error)}`);
      return [];
    }
  }

  /** Relevance of the asked ids (nothing asked, nothing read), or null when the search index is down. */
  async scores(text: string, ids: readonly string[]): Promise<TextScores> {
    if (ids.length === 0) return new Map();
    try {
      return await this.search.relevance(text, [...ids]);
    } catch (error) {
      this.logger.warn(`Text relevance unavailable, scored 0: ${String(error)}`);
      return null;
    }
  }
}

/** The text criterion of one offering from the relevance scores; search down (null) = 0, said in the reason. */
export function textResult(scores: TextScores, id: string): CriterionResult {
  return scores
    ? textCriterion(scores.get(id) ?? 0)
    : { score: 0, reason: 'Index de recherche indisponible : pertinence du texte comptée 0.' };
}
