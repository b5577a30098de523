import { DEFAULT_DESCRIPTION, metaDescription } from './views.js';

describe('metaDescription', () => {
  it.each([
    ['a short summary', 'Lecture automatique du courrier.', 'Lecture automatique du courrier.'],
    ['white space folded', '  Lecture\n automatique   du courrier. ', 'Lecture automatique du courrier.'],
    ['nothing said', '   ', DEFAULT_DESCRIPTION],
  ])('keeps %s', (_label, text, expected) => {
    expect(metaDescription(text)).toBe(expected);
  });

  it('cuts a long text at a word, under 160 characters, with an ellipsis', () => {
    const long = 'Assistant documentaire souverain pour les collectivités '.repeat(6);
    const cut = metaDescription(long);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1).endsWith(' ')).toBe(false);
  });
});
