import { describe, expect, it } from '@jest/globals';
import { corpusProblems, gradeOf, readCorpus, siretFrom, sirenFrom } from '../../bench/support/relevance-corpus.js';
import { isValidSiren, isValidSiret } from '../../src/reference/validation/siren.js';
import {
  Bm25,
  dcg,
  figures,
  ndcg,
  precisionAt,
  referenceRanking,
  tokenize,
  useCaseOverlap,
  withinReach,
  type NeedRun,
} from '../../bench/support/relevance-metrics.js';

/*
 * The measuring tools of bench/relevance.bench.ts (pure, no database) and the integrity of the
 * judged set itself. Named e2e-spec only because the unit project reads src/ alone.
 */

describe('relevance metrics', () => {
  it.each([
    [[3], 1, 7],
    [[3, 2], 2, 7 + 3 / Math.log2(3)],
    [[0, 3], 2, 7 / Math.log2(3)],
    [[1, 1, 1], 2, 1 + 1 / Math.log2(3)],
  ])('dcg(%j, %i) = %f', (grades, k, expected) => {
    expect(dcg(grades, k)).toBeCloseTo(expected, 10);
  });

  it('gives nDCG 1 to the ideal order and less to a worse one, null when nothing is relevant', () => {
    expect(ndcg([3, 2, 0], [0, 2, 3], 5)).toBe(1);
    expect(ndcg([2, 3], [3, 2], 5)).toBeCloseTo((3 + 7 / Math.log2(3)) / (7 + 3 / Math.log2(3)), 10);
    expect(ndcg([1], [0, 0], 5)).toBeNull();
  });

  it('takes the ideal from the judgments, so an unreturned relevant offering costs', () => {
    expect(ndcg([3], [3, 3], 5)).toBeCloseTo(7 / (7 + 7 / Math.log2(3)), 10);
  });

  it.each([
    [[3, 2, 1, 0, 3], 5, 0.6],
    [[3], 5, 0.2],
    [[], 5, 0],
  ])('precision@k of %j at %i is %f (empty slots are not relevant)', (grades, k, expected) => {
    expect(precisionAt(grades, k)).toBeCloseTo(expected, 10);
  });

  it('pools junk@5 over returned slots and lists adversarial offerings in the top 3 only where three are relevant', () => {
    const runs: NeedRun[] = [
      { need: 'a', grades: [3, 0, 0, 2, 1, 0], judged: [3, 2, 2], relevant: 3, adversarialRanks: { trap: 2, other: null } },
      { need: 'b', grades: [0, 3], judged: [3, 1], relevant: 1, adversarialRanks: { trap: 1, other: null } },
    ];
    const f = figures(runs);
    expect(f.junk5).toBeCloseTo(3 / 7, 10);
    expect(f.top1Is3).toBe(0.5);
    expect(f.adversarialInTop3).toEqual([{ need: 'a', offering: 'trap', rank: 2 }]);
  });
});

describe('reference ranker', () => {
  it('lowercases, strips accents and drops French stop words and elided articles', () => {
    expect(tokenize("L'Accueil des Usagers à la Mairie, 24 h/24")).toEqual(['accueil', 'usagers', 'mairie', '24', '24']);
  });

  it('ranks the document sharing rarer words first, and repetition saturates', () => {
    const docs = [
      { id: 'a', text: 'prévision des ventes pour boulangerie', useCases: ['SALES_FORECAST'] },
      { id: 'b', text: 'prévision prévision prévision prévision prévision', useCases: ['SALES_FORECAST'] },
      { id: 'c', text: 'tournées des techniciens', useCases: ['LOGISTICS_OPTIMISATION'] },
    ];
    const bm25 = new Bm25(docs);
    expect(bm25.score('boulangerie prévision', 'a')).toBeGreaterThan(bm25.score('boulangerie prévision', 'b'));
    expect(bm25.score('boulangerie', 'c')).toBe(0);
  });

  it('multiplies by use-case overlap, so an offering sharing no use case is not ranked', () => {
    expect(useCaseOverlap(['A', 'B'], ['B', 'C'])).toBe(0.5);
    expect(useCaseOverlap(['A'], ['C'])).toBe(0);
    const docs = [
      { id: 'x', text: 'tournées collecte déchets', useCases: ['LOGISTICS_OPTIMISATION'] },
      { id: 'y', text: 'tournées collecte déchets', useCases: ['CYBERSECURITY'] },
    ];
    expect(
      referenceRanking(new Bm25(docs), { text: 'collecte des déchets', useCases: ['LOGISTICS_OPTIMISATION'] }, docs, 10).map((r) => r.id),
    ).toEqual(['x']);
  });

  it.each([
    ['local', [{ departement: '83', region: '93' }], true],
    ['local', [{ departement: '13', region: '93' }], false],
    ['regional', [{ departement: '34', region: '76' }], true],
    ['regional', [{ departement: '75', region: '11' }], false],
    ['national', [{ departement: '59', region: '32' }], true],
  ] as const)('a %s need in Nice and a vendor present in %j: within reach %s', (reach, presence, expected) => {
    const adjacency = { departements: { '06': ['04', '83'] }, regions: { '93': ['76', '84'] } };
    expect(withinReach(reach, { departement: '06', region: '93' }, presence, adjacency)).toBe(expected);
  });
});

describe('the judged set', () => {
  const { corpus, judgments } = readCorpus();

  it('references only known keys, grades 0–3, and gives a rationale to every grade ≥ 2 and adversarial pair', () => {
    expect(corpusProblems(corpus, judgments)).toEqual([]);
  });

  it('holds the size and the adversarial kinds issue 26 asks for', () => {
    expect(corpus.needs.length).toBeGreaterThanOrEqual(24);
    expect(corpus.offerings.length).toBeGreaterThanOrEqual(45);
    expect(new Set(corpus.offerings.map((o) => o.vendor)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(corpus.offerings.map((o) => o.adversarial).filter(Boolean))).toEqual(
      new Set(['catch_all', 'keyword_stuffed', 'local_everywhere', 'off_topic_high_grade']),
    );
    expect(
      corpus.needs.filter((n) => Object.values(judgments.needs[n.key]).filter((j) => j.grade >= 2).length >= 3).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('grades every adversarial offering at most 1 for every need', () => {
    const adversarial = corpus.offerings.filter((o) => o.adversarial).map((o) => o.key);
    const high = corpus.needs.flatMap((n) => adversarial.filter((a) => gradeOf(judgments, n.key, a) > 1).map((a) => `${n.key} × ${a}`));
    expect(high).toEqual([]);
  });

  it.each([71000000, 71001931, 72000000, 72054158])('builds a valid SIREN from %i and valid SIRETs on it', (body) => {
    const siren = sirenFrom(body);
    expect(isValidSiren(siren)).toBe(true);
    for (const nic of [20, 21, 33]) expect(isValidSiret(siretFrom(siren, nic))).toBe(true);
  });
});
