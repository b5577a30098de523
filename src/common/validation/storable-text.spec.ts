import { unstorableFields } from './storable-text.js';

describe('unstorableFields', () => {
  it.each([
    ['a clean body', { email: 'a@b.fr', tags: ['x', 'y'], nested: { n: 1 } }, []],
    ['a NUL in a top-level field', { email: 'a\u0000@b.fr' }, ['email']],
    [
      'a NUL deep in an array of objects',
      { organisation: { establishments: [{ siret: '1' }, { siret: '\u0000' }] } },
      ['organisation.establishments[1].siret'],
    ],
    ['a NUL in a key', { 'a\u0000': 1 }, ['body']],
    ['a NUL in a bare string body', '\u0000', ['body']],
    ['other control characters, which text can hold', { q: '\u0001\u0007\u001f\u007f\t\n' }, []],
    ['numbers, booleans and null', { a: 1, b: true, c: null }, []],
  ])('%s', (_name, value, fields) => {
    expect(unstorableFields(value).map((f) => f.field)).toEqual(fields);
  });
});
