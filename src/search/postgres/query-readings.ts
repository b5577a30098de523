import { foldText, VOCABULARY } from '../synonyms.js';
import type { WordReadings } from './catalogue-sql.js';

/* How the PostgreSQL search reads a query's words for its fallbacks (partial matches, corrections, trigrams). */

/** The query's words as typed, for the partial search when no word had a correction. */
export function asTyped(text: string): WordReadings[] {
  return text
    .split(' ')
    .map((t) => t.replace(/"/g, ''))
    .filter((t) => t !== '' && t !== '-')
    .map((t) => (t.startsWith('-') ? { readings: [t.slice(1)], negated: true } : { readings: [t], negated: false }));
}

/** The synonym reading of a query, its words outside the table's expressions also read as their corrections. */
export function withCorrections(
  synonyms: { readings: string[]; groups: unknown[]; negated: boolean; lexeme?: string }[],
  corrected: WordReadings[],
): WordReadings[] {
  const byWord = new Map(corrected.map((c) => [foldText(c.readings[0]), c.readings]));
  // An excluded word stays as typed: excluding guesses would exclude too much. A group's
  // expressions stay as they are, with its lexeme.
  return synonyms.map((s) =>
    s.groups.length > 0
      ? { readings: s.readings, negated: s.negated, ...(s.lexeme ? { lexeme: s.lexeme } : {}) }
      : { readings: s.negated ? s.readings : (byWord.get(s.readings[0]) ?? s.readings), negated: s.negated },
  );
}

/** Every word of the query (from three letters) is a word of the synonym table. */
export function onlyVocabulary(text: string): boolean {
  const words = foldText(text)
    .split(' ')
    .filter((w) => w.length >= 3);
  return words.length > 0 && words.every((w) => VOCABULARY.has(w));
}
