import { parseSurvey } from './outcome-survey.form.js';

describe('parseSurvey', () => {
  it('reads the answers into the DTO, yes and no as booleans', async () => {
    const parsed = await parseSurvey({ inUse: 'yes', asDeclared: 'partly', satisfaction: '4', wouldRecommend: 'no', comment: 'Bien.' });
    expect(parsed.dto).toEqual({ inUse: true, asDeclared: 'partly', satisfaction: 4, wouldRecommend: false, comment: 'Bien.' });
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['nothing answered', {}, ['asDeclared', 'inUse', 'satisfaction', 'wouldRecommend']],
    ['a satisfaction out of the scale', { inUse: 'no', asDeclared: 'no', satisfaction: '9', wouldRecommend: 'no' }, ['satisfaction']],
    ['an unknown answer', { inUse: 'maybe', asDeclared: 'yes', satisfaction: '3', wouldRecommend: 'yes' }, ['inUse']],
    [
      'a comment too long',
      { inUse: 'yes', asDeclared: 'yes', satisfaction: '3', wouldRecommend: 'yes', comment: 'x'.repeat(1001) },
      ['comment'],
    ],
  ])('asks again for %s', async (_case, body, fields) => {
    const parsed = await parseSurvey(body);
    expect(parsed.dto).toBeUndefined();
    expect(Object.keys(parsed.errors ?? {}).sort()).toEqual(fields);
    if (fields.includes('inUse')) expect(parsed.errors?.inUse).toEqual(['Choisissez une réponse.']);
  });
});
