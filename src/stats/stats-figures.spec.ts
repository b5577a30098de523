import { funnel, locality, median, rate, type WonNeed } from './stats-figures.js';

describe('stats figures', () => {
  it.each([
    [1, 4, 0.25],
    [2, 3, 0.6667],
    [0, 5, 0],
    [3, 0, null],
  ])('rate(%i, %i) = %p', (count, base, expected) => {
    expect(rate(count, base)).toBe(expected);
  });

  it('computes each step against the previous one and the first one', () => {
    expect(
      funnel([
        { step: 'proposed', count: 10 },
        { step: 'connected', count: 5 },
        { step: 'meeting_held', count: 4 },
        { step: 'won', count: 1 },
      ]),
    ).toEqual([
      { step: 'proposed', count: 10, fromPrevious: null, fromStart: null },
      { step: 'connected', count: 5, fromPrevious: 0.5, fromStart: 0.5 },
      { step: 'meeting_held', count: 4, fromPrevious: 0.8, fromStart: 0.4 },
      { step: 'won', count: 1, fromPrevious: 0.25, fromStart: 0.1 },
    ]);
    expect(
      funnel([
        { step: 'proposed', count: 0 },
        { step: 'connected', count: 0 },
      ])[1],
    ).toEqual({ step: 'connected', count: 0, fromPrevious: null, fromStart: null });
  });

  // Nice 06088 (06, région 93), Marseille 13055 (13, région 93), Paris 75056 (75, région 11).
  const won = (w: Omit<WonNeed, 'frenchControlled' | 'offeringGrade'> & Partial<WonNeed>): WonNeed => ({
    frenchControlled: false,
    offeringGrade: 'C',
    ...w,
  });
  it.each<[string, WonNeed[], { wonNeeds: number; sameDepartement: number; sameRegion: number }]>([
    ['none', [], { wonNeeds: 0, sameDepartement: 0, sameRegion: 0 }],
    [
      'same département',
      [won({ needId: 'a', needDepartementCode: '06', needRegionCode: '93', vendorCommuneCodes: ['06088'] })],
      { wonNeeds: 1, sameDepartement: 1, sameRegion: 1 },
    ],
    [
      'same région only',
      [won({ needId: 'a', needDepartementCode: '06', needRegionCode: '93', vendorCommuneCodes: ['13055'] })],
      { wonNeeds: 1, sameDepartement: 0, sameRegion: 1 },
    ],
    [
      'far away',
      [won({ needId: 'a', needDepartementCode: '06', needRegionCode: '93', vendorCommuneCodes: ['75056'] })],
      { wonNeeds: 1, sameDepartement: 0, sameRegion: 0 },
    ],
    [
      'local through an establishment',
      [won({ needId: 'a', needDepartementCode: '06', needRegionCode: '93', vendorCommuneCodes: ['75056', '06088'] })],
      { wonNeeds: 1, sameDepartement: 1, sameRegion: 1 },
    ],
    [
      'a need won twice counts once',
      [
        won({ needId: 'a', needDepartementCode: '06', needRegionCode: '93', vendorCommuneCodes: ['75056'] }),
        won({ needId: 'a', needDepartementCode: '06', needRegionCode: '93', vendorCommuneCodes: ['06088'] }),
        won({ needId: 'b', needDepartementCode: '75', needRegionCode: '11', vendorCommuneCodes: ['06088'] }),
      ],
      { wonNeeds: 2, sameDepartement: 1, sameRegion: 1 },
    ],
  ])('locality: %s', (_name, rows, expected) => {
    expect(locality(rows)).toMatchObject(expected);
  });

  it('counts French-controlled and A/B-graded wins once per need', () => {
    const rows = [
      won({
        needId: 'a',
        needDepartementCode: '06',
        needRegionCode: '93',
        vendorCommuneCodes: ['06088'],
        frenchControlled: true,
        offeringGrade: 'A',
      }),
      won({
        needId: 'a',
        needDepartementCode: '06',
        needRegionCode: '93',
        vendorCommuneCodes: ['75056'],
        frenchControlled: true,
        offeringGrade: 'B',
      }),
      won({ needId: 'b', needDepartementCode: '75', needRegionCode: '11', vendorCommuneCodes: ['75056'], offeringGrade: 'D' }),
    ];
    expect(locality(rows)).toMatchObject({
      wonNeeds: 2,
      frenchControlled: 1,
      gradeAOrB: 1,
      shareFrenchControlled: 0.5,
      shareGradeAOrB: 0.5,
    });
  });

  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median of %p is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
