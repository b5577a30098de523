import { BOM, toCsv } from './csv.js';

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF and keeps the column order', () => {
    expect(toCsv([{ b: 2, a: 1 }], ['a', 'b'])).toBe(`${BOM}a,b\r\n1,2\r\n`);
  });

  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+33 4 93', "'+33 4 93"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['Côte d’Azur', 'Côte d’Azur'],
  ])('writes %p as %s', (value, expected) => {
    expect(toCsv([{ v: value }], ['v']).split('\r\n')[1]).toBe(expected);
  });

  it('writes empty cells for null, ISO dates, and arrays joined by |', () => {
    const line = toCsv([{ a: null, b: new Date('2026-11-25T10:00:00Z'), c: ['DOC_PROCESSING', 'CYBERSECURITY'] }], ['a', 'b', 'c']).split(
      '\r\n',
    )[1];
    expect(line).toBe(',2026-11-25T10:00:00.000Z,DOC_PROCESSING|CYBERSECURITY');
  });

  it('quotes on the separator in use', () => {
    expect(toCsv([{ v: 'a;b' }], ['v'], ';').split('\r\n')[1]).toBe('"a;b"');
    expect(toCsv([{ v: 'a,b' }], ['v'], ';').split('\r\n')[1]).toBe('a,b');
  });
});
