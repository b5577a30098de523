/**
 * The figures of issue 26 over ranked lists of graded offerings, and the reference ranker they are
 * read against (BM25 × use-case overlap). Pure functions: no database, no Nest.
 */

/** DCG over the first k grades, gain 2^g − 1, discount log2(rank + 1). */
export function dcg(grades: readonly number[], k: number): number {
  return grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** nDCG@k: the ranking's DCG over the DCG of the judged grades sorted best first; null when nothing is relevant. */
export function ndcg(ranked: readonly number[], judged: readonly number[], k: number): number | null {
  const ideal = dcg(
    [...judged].sort((a, b) => b - a),
    k,
  );
  return ideal === 0 ? null : dcg(ranked, k) / ideal;
}

/** Share of the k slots holding a grade ≥ 2 (an empty slot counts as not relevant). */
export function precisionAt(ranked: readonly number[], k: number): number {
  return ranked.slice(0, k).filter((g) => g >= 2).length / k;
}

export interface NeedRun {
  need: string;
  /** Grades of the returned offerings, in rank order. */
  grades: number[];
  /** Grades of every judged offering of the need (the ideal ranking's material). */
  judged: number[];
  /** Rank (1-based) of each adversarial offering the ranker returned, null when absent. */
  adversarialRanks: Record<string, number | null>;
  /** Relevant (grade ≥ 2) judged offerings: the top-3 rule applies from three. */
  relevant: number;
}

export interface Figures {
  needs: number;
  ndcg5: number;
  ndcg10: number;
  precision5: number;
  /** Share of needs whose first result is graded 3. */
  top1Is3: number;
  /** Share of the returned top-5 slots (pooled over needs) graded 0. */
  junk5: number;
  /** Needs with ≥ 3 relevant offerings where an adversarial offering is in the top 3. */
  adversarialInTop3: { need: string; offering: string; rank: number }[];
}

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function figures(runs: readonly NeedRun[]): Figures {
  const n5 = runs.map((r) => ndcg(r.grades, r.judged, 5)).filter((x): x is number => x !== null);
  const n10 = runs.map((r) => ndcg(r.grades, r.judged, 10)).filter((x): x is number => x !== null);
  const top5 = runs.flatMap((r) => r.grades.slice(0, 5));
  const adversarialInTop3 = runs.flatMap((r) =>
    r.relevant < 3
      ? []
      : Object.entries(r.adversarialRanks)
          .filter((entry): entry is [string, number] => entry[1] !== null && entry[1] <= 3)
          .map(([offering, rank]) => ({ need: r.need, offering, rank })),
  );
  return {
    needs: runs.length,
    ndcg5: mean(n5),
    ndcg10: mean(n10),
    precision5: mean(runs.map((r) => precisionAt(r.grades, 5))),
    top1Is3: mean(runs.map((r) => (r.grades[0] === 3 ? 1 : 0))),
    junk5: top5.length === 0 ? 0 : top5.filter((g) => g === 0).length / top5.length,
    adversarialInTop3,
  };
}

/** A small French stop-word list, accents already stripped; elided articles come out as single letters. */
const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette dans de des du elle en et est etre il ils je la le les leur leurs ' +
    'mais me meme mes ne nos notre nous on ou par pas plus pour qu que qui sa sans se ses son sont sur ' +
    'ta te tes toi ton tous tout toute toutes tu un une vos votre vous y c d j l m n s t ici aussi comme ' +
    'fait faire avons sommes ont a deja tres chaque entre sous'
  ).split(' '),
);

/** Lowercase, accents stripped, split on anything not a letter or digit, stop words and 1-letter tokens dropped. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1 && !STOP_WORDS.has(t));
}

export interface Bm25Document {
  id: string;
  text: string;
  useCases: readonly string[];
}

/** BM25 (k1 = 1.2, b = 0.75) over a fixed collection; IDF from the whole collection. */
export class Bm25 {
  private readonly docs: Map<string, { tf: Map<string, number>; length: number }> = new Map();
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(
    documents: readonly Bm25Document[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    let total = 0;
    for (const d of documents) {
      const tokens = tokenize(d.text);
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      this.docs.set(d.id, { tf, length: tokens.length });
      total += tokens.length;
    }
    this.avgLength = documents.length === 0 ? 0 : total / documents.length;
  }

  score(query: string, id: string): number {
    const doc = this.docs.get(id);
    if (!doc) return 0;
    const n = this.docs.size;
    let score = 0;
    for (const term of new Set(tokenize(query))) {
      const f = doc.tf.get(term) ?? 0;
      if (f === 0) continue;
      const df = this.df.get(term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += (idf * f * (this.k1 + 1)) / (f + this.k1 * (1 - this.b + (this.b * doc.length) / this.avgLength));
    }
    return score;
  }
}

/** |U_need ∩ U_offer| / |U_need|; 0 when they share none. */
export function useCaseOverlap(needUseCases: readonly string[], offeringUseCases: readonly string[]): number {
  if (needUseCases.length === 0) return 0;
  const offered = new Set(offeringUseCases);
  return needUseCases.filter((u) => offered.has(u)).length / needUseCases.length;
}

/**
 * The reference ranker: BM25 of the offering's text against the need's text times use-case
 * overlap, over the given eligible offerings; positive scores only, ties by id, top `limit`.
 */
export function referenceRanking(
  bm25: Bm25,
  need: { text: string; useCases: readonly string[] },
  eligible: readonly Bm25Document[],
  limit: number,
): { id: string; score: number }[] {
  return eligible
    .map((d) => ({ id: d.id, score: bm25.score(need.text, d.id) * useCaseOverlap(need.useCases, d.useCases) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}

/** How a vendor present in `presence` départements stands against a need's reach (issue 26: the buyer's words). */
export function withinReach(
  reach: 'local' | 'regional' | 'national',
  need: { departement: string; region: string },
  presence: readonly { departement: string; region: string }[],
  adjacency: { departements: Record<string, string[]>; regions: Record<string, string[]> },
): boolean {
  if (reach === 'national') return true;
  if (reach === 'local') {
    const near = new Set([need.departement, ...(adjacency.departements[need.departement] ?? [])]);
    return presence.some((p) => near.has(p.departement));
  }
  const near = new Set([need.region, ...(adjacency.regions[need.region] ?? [])]);
  return presence.some((p) => near.has(p.region));
}
