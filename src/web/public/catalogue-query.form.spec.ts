import { parseCatalogueQuery } from './catalogue-query.form.js';

describe('catalogue query form', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ['an empty address as the first page of everything', {}, { page: 1, pageSize: 12 }, false],
    ['a trimmed text and a page', { q: '  courrier ', page: '3' }, { q: 'courrier', page: 3 }, false],
    ['a malformed page as the first', { page: '-2' }, { page: 1 }, false],
    ['an unknown filter as the whole catalogue, flagged', { q: 'courrier', grade: 'Z' }, { q: 'courrier', page: 1 }, true],
  ])('reads %s', async (_case, raw, expected, invalid) => {
    const parsed = await parseCatalogueQuery(raw);
    expect(parsed.query).toMatchObject(expected);
    expect(parsed.invalid).toBe(invalid);
  });
});
