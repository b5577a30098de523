const ARTICLE = /^(le|la|les|l) /;
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/**
 * The form commune names are compared in: no accents or ligatures, lower case, hyphens and
 * apostrophes as spaces, and "St"/"Ste" spelt out — so "st-etienne", "Saint Étienne" and
 * "SAINT-ETIENNE" are the same.
 */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

/** A name's search keys: the normalised name, and the same without a leading article. */
export function nameKeys(name: string): string[] {
  const full = normaliseName(name);
  const bare = full.replace(ARTICLE, '');
  return bare === full ? [full] : [full, bare];
}

export const compact = (key: string): string => key.replace(/ /g, '');
