import { Injectable } from '@nestjs/common';
import { OfferingTextRepository } from '../repositories/offering-text.repository.js';
import { textCriterion } from '../scoring/criteria.js';
import { lexicalScore, MIN_NEED_TERMS } from '../scoring/lexical.js';
import type { CriterionResult } from '../scoring/ranking.js';

/** Text relevance 0–100 of the offerings asked (absent = shares no word with the need: 0). */
export interface TextScores {
  readonly byId: ReadonlyMap<string, number>;
  /** Whether the need says enough (MIN_NEED_TERMS words the catalogue knows) for a weak text to rule an on-topic offering out. */
  readonly informative: boolean;
}

/** One need's text against one offering (the reverse view). */
export interface NeedText {
  score: number;
  informative: boolean;
}

/**
 * Matching's text relevance (issue 26, decision 021): BM25 over the offerings' own lexemes in
 * PostgreSQL, the same on every search backend, so matching never depends on the search index.
 */
@Injectable()
export class TextRelevance {
  constructor(private readonly lexemes: OfferingTextRepository) {}

  /** The offerings whose words are closest to the text, best first. */
  async retrieve(text: string, limit: number): Promise<string[]> {
    if (limit <= 0 || text.trim() === '') return [];
    return (await this.lexemes.best(text, limit)).matches.map((m) => m.id);
  }

  /**
   * Relevance of the asked ids for the text. Nothing asked, nothing read: `informative` is then
   * false, which `mergeScores` leaves to the answer that asked something.
   */
  async scores(text: string, ids: readonly string[]): Promise<TextScores> {
    if (text.trim() === '' || ids.length === 0) return { byId: new Map(), informative: false };
    const { ideal, terms, matches } = await this.lexemes.scores(text, ids);
    return { byId: new Map(matches.map((m) => [m.id, lexicalScore(m.sum, ideal, m.damping)])), informative: terms >= MIN_NEED_TERMS };
  }

  /** One offering's relevance for each need text, in their order: leads. */
  async forNeeds(offeringId: string, texts: readonly string[]): Promise<NeedText[]> {
    const rows = await this.lexemes.scoresForNeeds(offeringId, texts);
    return rows.map((r) => ({ score: lexicalScore(r.sum, r.ideal, r.damping), informative: r.terms >= MIN_NEED_TERMS }));
  }
}

/** Two answers for the same need text, merged. */
export const mergeScores = (a: TextScores, b: TextScores): TextScores => ({
  byId: new Map([...a.byId, ...b.byId]),
  informative: a.informative || b.informative,
});

/** The text criterion of one offering from the relevance scores. */
export function textResult(scores: TextScores, id: string): CriterionResult {
  return textCriterion(scores.byId.get(id) ?? 0);
}
