import type { JudgmentRecord } from './judgment-record.js';
import { exportJudgments, markRationale, pairJudgment } from './judgment-export.js';

const mark = (overrides: Partial<JudgmentRecord> = {}): JudgmentRecord => ({
  id: 'j1',
  needId: 'need-1',
  needTitle: 'Prévoir les ventes de la boulangerie',
  buyerName: 'Boulangerie du Port',
  offeringId: 'offer-1',
  offeringTitle: 'Plateforme IA tout-en-un',
  vendorName: 'Omni IA',
  curatorId: 'curator-1',
  curatorName: 'Camille Martin',
  verdict: 'not_relevant',
  reason: 'too_generic',
  comment: null,
  rank: 3,
  scoringVersion: '2026-12.1',
  createdAt: new Date('2026-12-04T10:00:00Z'),
  updatedAt: new Date('2026-12-05T09:30:00Z'),
  ...overrides,
});

describe('markRationale', () => {
  it.each([
    [mark(), 'Pas pertinent (trop générique) — Camille Martin, 2026-12-05'],
    [
      mark({ verdict: 'relevant', reason: 'exact_fit', comment: 'Le bon outil.' }),
      'Pertinent (répond exactement au besoin) : « Le bon outil. » — Camille Martin, 2026-12-05',
    ],
    [
      mark({ reason: 'other', comment: 'Doublon.', curatorName: null }),
      'Pas pertinent (autre raison) : « Doublon. » — compte supprimé, 2026-12-05',
    ],
  ])('words mark %# with its verdict, reason, comment, author and date', (m, expected) => {
    expect(markRationale(m)).toBe(expected);
  });
});

describe('pairJudgment: the grade of a pair from its marks', () => {
  const relevant = mark({ verdict: 'relevant', reason: 'partial_fit', curatorName: 'Léa Roux' });
  const notRelevant = mark();
  it.each([
    ['one "pertinent"', 2, [relevant]],
    ['one "pas pertinent"', 0, [notRelevant]],
    ['a majority of "pertinent"', 2, [relevant, relevant, notRelevant]],
    ['a majority of "pas pertinent"', 0, [notRelevant, relevant, notRelevant]],
    ['as many of each', 1, [relevant, notRelevant]],
  ])('%s gives grade %i', (_, grade, marks) => {
    expect(pairJudgment(marks).grade).toBe(grade);
  });

  it('keeps every mark in the rationale and says when curators disagree', () => {
    expect(pairJudgment([relevant, notRelevant]).why).toBe(
      'Avis partagés — Pertinent (bonne piste, avec un écart) — Léa Roux, 2026-12-05 ; Pas pertinent (trop générique) — Camille Martin, 2026-12-05',
    );
    expect(pairJudgment([relevant]).why).not.toContain('Avis partagés');
  });
});

describe('exportJudgments', () => {
  it('groups marks by need then offering, as judgments.json does, with the names in refs', () => {
    const doc = exportJudgments(
      [
        mark(),
        mark({ id: 'j2', curatorId: 'curator-2', curatorName: 'Léa Roux' }),
        mark({
          id: 'j3',
          offeringId: 'offer-2',
          offeringTitle: 'Prévision des fournées',
          vendorName: 'Fournil IA',
          verdict: 'relevant',
          reason: 'exact_fit',
        }),
        mark({ id: 'j4', needId: 'need-2', needTitle: 'Tri des courriers', buyerName: 'Mairie de Biot' }),
      ],
      new Date('2026-12-07T08:00:00Z'),
    );
    expect(doc.exportedAt).toBe('2026-12-07T08:00:00.000Z');
    expect(doc.grades).toEqual({ relevant: 2, not_relevant: 0, split: 1 });
    expect(Object.keys(doc.needs)).toEqual(['need-1', 'need-2']);
    expect(doc.needs['need-1']['offer-1']).toEqual({
      grade: 0,
      why: 'Pas pertinent (trop générique) — Camille Martin, 2026-12-05 ; Pas pertinent (trop générique) — Léa Roux, 2026-12-05',
    });
    expect(doc.needs['need-1']['offer-2'].grade).toBe(2);
    expect(doc.needs['need-2']['offer-1'].grade).toBe(0);
    expect(doc.refs).toEqual({
      needs: {
        'need-1': { title: 'Prévoir les ventes de la boulangerie', buyer: 'Boulangerie du Port' },
        'need-2': { title: 'Tri des courriers', buyer: 'Mairie de Biot' },
      },
      offerings: {
        'offer-1': { title: 'Plateforme IA tout-en-un', vendor: 'Omni IA' },
        'offer-2': { title: 'Prévision des fournées', vendor: 'Fournil IA' },
      },
    });
  });

  it('exports an empty set when no one has judged anything', () => {
    expect(exportJudgments([], new Date(0))).toMatchObject({ needs: {}, refs: { needs: {}, offerings: {} } });
  });
});
