/**
 * One-typo readings of a query by two adjacent letters swapped in one of its words, for the
 * PostgreSQL catalogue search when the exact words of a one-word query find nothing. Each reading
 * is searched as words (an OR of tsqueries on the GIN index), so "factrues" finds "factures",
 * which trigrams miss: half of a short word's trigrams change with a swap. Meilisearch counts a
 * swap as one typo (Damerau-Levenshtein) and allows one typo from five letters on, none on the
 * first letter; so do these readings. Each is the whole query with one swap, so a phrase keeps its
 * other words (the search uses them for one word only: trigrams already forgive a swap inside a
 * phrase).
 */
export const MIN_WORD_FOR_TYPO = 5;
/** Readings tried at most (each one more tsquery in the same GIN lookup). */
export const MAX_SWAP_VARIANTS = 24;

export function swappedLetterVariants(query: string, max = MAX_SWAP_VARIANTS): string[] {
  const variants = new Set<string>();
  for (const match of query.matchAll(/\p{L}+/gu)) {
    const word = [...match[0]];
    if (word.length < MIN_WORD_FOR_TYPO) continue;
    const start = match.index;
    const end = start + match[0].length;
    // Not the first letter: Meilisearch counts a typo there as two.
    for (let i = 1; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const swapped = [...word];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
      variants.add(query.slice(0, start) + swapped.join('') + query.slice(end));
      if (variants.size >= max) return [...variants];
    }
  }
  return [...variants];
}
