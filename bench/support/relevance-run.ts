import fs from 'node:fs';
import path from 'node:path';
import { HARD_REQUIREMENTS } from '../../src/sovereignty/hard-requirements.js';
import type { Api, LoadedCorpus } from './relevance-api.js';
import { departementOf, gradeOf, type Corpus, type Judgments } from './relevance-corpus.js';
import { Bm25, figures, ndcg, referenceRanking, useCaseOverlap, withinReach, type Figures, type NeedRun } from './relevance-metrics.js';

/**
 * Exclusion rules that make an offering ineligible for the reference ranker too: DESIGN §5.1 and
 * the hard requirements of REFERENCE §4.5. Any other rule the app may add (a relevance floor) is not one.
 */
const ELIGIBILITY_RULES = new Set<string>([
  'NOT_PUBLISHED',
  'VENDOR_NOT_VERIFIED',
  'MIN_GRADE',
  'SERVICE_AREA',
  'BUDGET',
  ...HARD_REQUIREMENTS,
]);

interface MatchesBody {
  candidates: number;
  items: { rank: number; total: number; offering: { id: string }; criteria: { criterion: string; score: number }[] }[];
  excluded?: { offering: { id: string }; exclusions: { rule: string }[] }[];
}

export interface TextSample {
  grade: number;
  score: number;
  sharesUseCase: boolean;
}

/** Text relevance of offerings for a need's text, as the app computes it (the app's TextRelevance). */
export type TextScorer = (text: string, offeringIds: string[]) => Promise<{ byId: ReadonlyMap<string, number> }>;

export interface JudgedRun {
  current: Figures;
  baseline: Figures;
  appRuns: NeedRun[];
  baseRuns: NeedRun[];
  adversarial: string[];
  perNeed: Record<string, unknown>[];
  warnings: string[];
  textByGrade: TextSample[];
  /** Adjacent pairs of the returned rankings whose totals are exactly equal, over all adjacent pairs. */
  ties: { equal: number; pairs: number };
}

/**
 * Asks GET /needs/:id/matches?limit=10 as a curator for every need of the loaded judged set, and
 * computes the figures of issue 26 beside a reference ranker (BM25 × use-case overlap) over the
 * same eligible offerings: the bench prints them, and an e2e test keeps a floor of them.
 */
export async function runJudgedSet(
  api: Api,
  loaded: LoadedCorpus,
  corpus: Corpus,
  judgments: Judgments,
  scoreText: TextScorer,
): Promise<JudgedRun> {
  const regionOf = new Map(
    (await api.ok<{ departementCode: string; regionCode: string }[]>('GET', '/reference/departements')).map((d) => [
      d.departementCode,
      d.regionCode,
    ]),
  );
  const place = (commune: string) => ({ departement: departementOf(commune), region: regionOf.get(departementOf(commune)) ?? '' });
  const adjacency = JSON.parse(fs.readFileSync(path.join('src', 'reference', 'data', 'adjacency-fr.json'), 'utf8')) as {
    departements: Record<string, string[]>;
    regions: Record<string, string[]>;
  };
  const vendors = new Map(corpus.vendors.map((v) => [v.key, v]));
  const buyers = new Map(corpus.buyers.map((b) => [b.key, b]));
  const adversarial = corpus.offerings.filter((o) => o.adversarial).map((o) => o.key);
  const documents = corpus.offerings.map((o) => ({ id: o.key, text: `${o.title} ${o.summary} ${o.description}`, useCases: o.useCases }));
  const bm25 = new Bm25(documents);

  const offeringIds = [...loaded.offeringKeys.keys()];
  const textByGrade: TextSample[] = [];
  const ties = { equal: 0, pairs: 0 };
  const appRuns: NeedRun[] = [];
  const baseRuns: NeedRun[] = [];
  const perNeed: Record<string, unknown>[] = [];
  const warnings: string[] = [];
  for (const need of corpus.needs) {
    const id = loaded.needIds.get(need.key) as string;
    const ranked = await api.ok<MatchesBody>('GET', `/needs/${id}/matches?limit=10`, loaded.curatorToken);
    const all = await api.ok<MatchesBody>('GET', `/needs/${id}/matches?limit=100&includeExcluded=true`, loaded.curatorToken);
    const appKeys = ranked.items.map((m) => loaded.offeringKeys.get(m.offering.id) ?? `unknown:${m.offering.id}`);

    // The reference ranker's eligible set: what the app's own rules let through, within the need's reach.
    const ruledOut = new Map<string, string[]>();
    for (const e of all.excluded ?? []) {
      const rules = e.exclusions.map((x) => x.rule).filter((rule) => ELIGIBILITY_RULES.has(rule));
      if (rules.length > 0) ruledOut.set(loaded.offeringKeys.get(e.offering.id) as string, rules);
    }
    // The app lists at most 200 excluded offerings: past that the reference ranker could see an ineligible one.
    if ((all.excluded ?? []).length >= 200)
      warnings.push(`${need.key}: 200 excluded offerings listed, the reference ranker's eligible set may be too wide`);
    const needPlace = place(buyers.get(need.buyer)!.communeCode);
    const inReach = (offeringKey: string): boolean => {
      const vendor = vendors.get(corpus.offerings.find((o) => o.key === offeringKey)!.vendor)!;
      return withinReach(need.reach, needPlace, [vendor.communeCode, ...vendor.establishments].map(place), adjacency);
    };
    // Only offerings sharing a use case are ruled on in `excluded`; the others score 0 here anyway.
    const eligible = documents.filter((d) => useCaseOverlap(need.useCases, d.useCases) > 0 && !ruledOut.has(d.id) && inReach(d.id));
    const baseKeys = referenceRanking(bm25, { text: `${need.title} ${need.description}`, useCases: need.useCases }, eligible, 10).map(
      (r) => r.id,
    );

    const judged = Object.values(judgments.needs[need.key]).map((j) => j.grade);
    for (const [offeringKey, j] of Object.entries(judgments.needs[need.key])) {
      if (j.grade >= 1 && ruledOut.has(offeringKey))
        warnings.push(`${need.key} × ${offeringKey}: graded ${j.grade} but the app excludes it (${ruledOut.get(offeringKey)!.join(', ')})`);
      if (j.grade >= 1 && !inReach(offeringKey))
        warnings.push(`${need.key} × ${offeringKey}: graded ${j.grade} but out of the need's ${need.reach} reach`);
    }
    const relevant = judged.filter((g) => g >= 2).length;
    const textScores = await scoreText(`${need.title}. ${need.description}`, offeringIds);
    for (const id of offeringIds) {
      const key = loaded.offeringKeys.get(id) as string;
      const offering = corpus.offerings.find((o) => o.key === key)!;
      textByGrade.push({
        grade: gradeOf(judgments, need.key, key),
        score: textScores.byId.get(id) ?? 0,
        sharesUseCase: useCaseOverlap(need.useCases, offering.useCases) > 0,
      });
    }
    const run = (keys: string[]): NeedRun => ({
      need: need.key,
      grades: keys.map((k) => gradeOf(judgments, need.key, k)),
      judged,
      relevant,
      adversarialRanks: Object.fromEntries(adversarial.map((a) => [a, keys.includes(a) ? keys.indexOf(a) + 1 : null])),
    });
    const appRun = run(appKeys);
    const baseRun = run(baseKeys);
    appRuns.push(appRun);
    for (let i = 1; i < ranked.items.length; i++) {
      ties.pairs++;
      if (ranked.items[i].total === ranked.items[i - 1].total) ties.equal++;
    }
    baseRuns.push(baseRun);
    perNeed.push({
      need: need.key,
      reach: need.reach,
      relevant,
      appCandidates: ranked.candidates,
      current: {
        top10: appKeys,
        textScores: ranked.items.map((m) => m.criteria.find((c) => c.criterion === 'text')?.score ?? null),
        useCaseScores: ranked.items.map((m) => m.criteria.find((c) => c.criterion === 'useCase')?.score ?? null),
        grades: appRun.grades,
        ndcg5: ndcg(appRun.grades, judged, 5),
        adversarialRanks: appRun.adversarialRanks,
      },
      baseline: {
        eligible: eligible.length,
        top10: baseKeys,
        grades: baseRun.grades,
        ndcg5: ndcg(baseRun.grades, judged, 5),
        adversarialRanks: baseRun.adversarialRanks,
      },
    });
  }

  return { current: figures(appRuns), baseline: figures(baseRuns), appRuns, baseRuns, adversarial, perNeed, warnings, textByGrade, ties };
}
