import { readFileSync } from 'node:fs';
import { normaliseName } from '../reference/data/normalise-name.js';
import { isUseCaseCode, type UseCaseCode } from '../reference/data/use-case.types.js';

/** One group of the synonym table (src/search/data/synonyms.json): expressions meaning one thing. */
export interface SynonymGroup {
  readonly terms: readonly string[];
  readonly useCase: UseCaseCode | null;
}

interface RawSynonyms {
  version: number;
  groups: { terms: string[]; useCase?: string }[];
}

/**
 * Lower case, no accents, anything but letters and digits as one space: how expressions are
 * compared (the reference data's name folding; its "st" → "saint" does not matter here).
 */
export const foldText = (text: string): string => normaliseName(text);

/** Checks the data file: known use cases, two terms or more per group, no term in two groups. */
export function buildSynonyms(raw: RawSynonyms): readonly SynonymGroup[] {
  const seen = new Map<string, number>();
  return raw.groups.map((g, i) => {
    if (g.useCase !== undefined && !isUseCaseCode(g.useCase)) throw new Error(`synonyms.json group ${i}: unknown use case ${g.useCase}`);
    if (g.terms.length < 2) throw new Error(`synonyms.json group ${i}: a group needs two terms or more`);
    for (const term of g.terms) {
      const key = foldText(term);
      if (!key) throw new Error(`synonyms.json group ${i}: empty term`);
      if (seen.has(key) && seen.get(key) !== i) throw new Error(`synonyms.json: "${term}" is in groups ${seen.get(key)} and ${i}`);
      seen.set(key, i);
    }
    return Object.freeze({ terms: Object.freeze([...g.terms]), useCase: g.useCase && isUseCaseCode(g.useCase) ? g.useCase : null });
  });
}

/** The synonym table, read once from the versioned data file (works from src/ and dist/). */
export const SYNONYM_GROUPS: readonly SynonymGroup[] = buildSynonyms(
  JSON.parse(readFileSync(new URL('./data/synonyms.json', import.meta.url), 'utf8')) as RawSynonyms,
);

/** Every term's folded words, longest terms first, with its group: what a query is scanned for. */
const TERMS = SYNONYM_GROUPS.flatMap((group) => group.terms.map((term) => ({ words: foldText(term).split(' '), group }))).sort(
  (a, b) => b.words.length - a.words.length,
);

/** Every word of the synonym table: real words a typo correction must never turn into another. */
export const VOCABULARY: ReadonlySet<string> = new Set(TERMS.flatMap((t) => t.words));

/**
 * The query as words (all required), each read as any of its readings: an expression of the table
 * ("chat bot", "IA générative") is read as any expression of its group; an excluded word ("-vocal")
 * stays excluded, as typed. Null when the query has no such expression, or quotes a phrase, which
 * is then searched as typed. (An excluded word used to switch the table off: "chatbot -vocal"
 * lost the agents conversationnels and callbots that never say "vocal": an outside review.)
 */
export function synonymReadings(text: string): { readings: string[]; groups: SynonymGroup[]; negated: boolean }[] | null {
  if (/["]/.test(text)) return null;
  const out: { readings: string[]; groups: SynonymGroup[]; negated: boolean }[] = [];
  let found = false;
  let run: string[] = [];
  const flush = (): void => {
    for (let i = 0; i < run.length;) {
      const term = TERMS.find((t) => t.words.every((w, k) => run[i + k] === w));
      if (term) {
        out.push({ readings: [...term.group.terms], groups: [term.group], negated: false });
        found = true;
        i += term.words.length;
      } else {
        out.push({ readings: [run[i]], groups: [], negated: false });
        i += 1;
      }
    }
    run = [];
  };
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const negated = token.length > 1 && token.startsWith('-');
    const words = foldText(negated ? token.slice(1) : token)
      .split(' ')
      .filter(Boolean);
    if (!negated) run.push(...words);
    else {
      flush();
      for (const word of words) out.push({ readings: [word], groups: [], negated: true });
    }
  }
  flush();
  return found ? out : null;
}

/** The table as Meilisearch's `synonyms` setting: every term to the other terms of its group. */
export function meiliSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    for (const term of group.terms) out[term] = group.terms.filter((t) => t !== term);
  }
  return out;
}
