import { JUDGMENT_CHOICES, judgmentField, judgmentLabels, parseJudgment } from './judgment.form.js';

const OFFERING = '5f0c2b8e-1d7a-4c3e-9b6f-2a4d8e1c7b90';
const field = (name: string) => judgmentField(OFFERING, name);

describe('a curator’s mark on an offering', () => {
  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    [
      'pertinent, without a comment',
      { verdict: 'relevant', reason: 'exact_fit', comment: '  ' },
      { verdict: 'relevant', reason: 'exact_fit', comment: undefined },
    ],
    [
      'pas pertinent, with a trimmed comment',
      { verdict: 'not_relevant', reason: 'too_generic', comment: '  Trop large.  ' },
      { verdict: 'not_relevant', reason: 'too_generic', comment: 'Trop large.' },
    ],
    [
      'another reason, said in words',
      { verdict: 'not_relevant', reason: 'other', comment: 'Doublon.' },
      { reason: 'other', comment: 'Doublon.' },
    ],
  ])('reads %s', async (_case, body, expected) => {
    const parsed = await parseJudgment(OFFERING, { _csrf: 'token', ...body });
    expect(parsed.errors).toBeUndefined();
    expect(parsed.dto).toMatchObject(expected);
  });

  it.each<[string, Record<string, string>, Record<string, string[]>]>([
    [
      'nothing chosen',
      {},
      { [field('verdict')]: ['Dites si l’offre est pertinente pour ce besoin.'], [field('reason')]: ['Choisissez une raison.'] },
    ],
    [
      'a reason of the other verdict',
      { verdict: 'relevant', reason: 'off_topic' },
      { [field('reason')]: ['Choisissez une raison qui correspond à votre avis.'] },
    ],
    ['"other" unexplained', { verdict: 'relevant', reason: 'other' }, { [field('comment')]: ['Précisez la raison en quelques mots.'] }],
    [
      'a comment too long',
      { verdict: 'relevant', reason: 'exact_fit', comment: 'x'.repeat(501) },
      { [field('comment')]: ['Saisissez au plus 500 caractères.'] },
    ],
    ['an unknown verdict', { verdict: 'peut-être', reason: 'exact_fit' }, { [field('verdict')]: ['Choisissez une valeur dans la liste.'] }],
  ])('asks again, beside this offering’s fields, when %s', async (_case, body, errors) => {
    const parsed = await parseJudgment(OFFERING, body);
    expect(parsed.dto).toBeUndefined();
    expect(parsed.errors).toEqual(errors);
    expect(Object.keys(parsed.errors ?? {}).every((key) => key in judgmentLabels(OFFERING))).toBe(true);
  });

  it('offers each verdict’s reasons, "other" asking for words', () => {
    expect(JUDGMENT_CHOICES.verdicts.map((v) => v.label)).toEqual(['Pertinent', 'Pas pertinent']);
    expect(JUDGMENT_CHOICES.reasonGroups.map((g) => g.label)).toEqual(['Si pertinent', 'Si pas pertinent']);
    expect(JUDGMENT_CHOICES.reasonGroups[1].options.map((o) => o.label)).toEqual([
      'Hors sujet',
      'Trop générique',
      'Hors du périmètre demandé',
      'Ne respecte pas une exigence',
      'Autre raison (précisez-la)',
    ]);
  });
});
