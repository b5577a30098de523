import { safeReturnPath } from './return-path.js';

describe('safeReturnPath', () => {
  it.each([
    ['the console home', '/app', '/app'],
    ['a trailing slash', '/app/', '/app/'],
    ['a page with a query string', '/app/acheteur/besoins?page=2&q=IA%20souveraine', '/app/acheteur/besoins?page=2&q=IA%20souveraine'],
    ['a query string on the home', '/app?message=signed-out', '/app?message=signed-out'],
    ['a query holding encoded dots and slashes, left as typed', '/app/catalogue?q=..%2F..%2Fevil', '/app/catalogue?q=..%2F..%2Fevil'],
    ['a backslash in the query string', '/app/catalogue?q=a\\b', '/app/catalogue?q=a\\b'],
    ['a fragment', '/app/offres/42#contact', '/app/offres/42#contact'],
    ['a single-dot segment, removed', '/app/./x', '/app/x'],
    ['a double-dot segment staying under /app, resolved', '/app/catalogue/../acheteur', '/app/acheteur'],
    ['repeated slashes inside the path, collapsed', '/app//acheteur///besoins', '/app/acheteur/besoins'],
    ['the Referer, a full address of the console', 'https://circuit-ia.example/app/acheteur?x=1', '/app/acheteur?x=1'],
  ])('keeps %s', (_name, value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    ['nothing', undefined],
    ['an empty value', ''],
    ['dot segments leading to a scheme-relative address', '/app/..//evil.example'],
    ['percent-encoded dot segments', '/app/%2e%2e//evil.example'],
    ['upper-case percent-encoded dot segments', '/app/%2E%2E//evil.example'],
    ['half-encoded dot segments', '/app/.%2e//evil.example'],
    ['double-encoded dot segments', '/app/%252e%252e//evil.example'],
    ['a backslash after dot segments', '/app/..\\evil'],
    ['backslashes after dot segments', '/app/..\\\\evil.example'],
    ['percent-encoded slashes', '/app/..%2f..%2f%2fevil.example'],
    ['a percent-encoded slash after /app', '/app%2f..%2f%2fevil.example'],
    ['double-encoded slashes', '/app/..%252f%252fevil.example'],
    ['percent-encoded backslashes', '/app/..%5c..%5cevil'],
    ['a backslash staying under /app', '/app\\@evil'],
    ['a percent-encoded backslash staying under /app', '/app/%5cevil'],
    ['an encoded question mark hiding dot segments from a decoder', '/app/x%3f%2f..%2f..%2f%2fevil.example'],
    ['a scheme-relative address', '//evil'],
    ['a scheme-relative address with a console path', '//evil.example/app'],
    ['a slash and a backslash', '/\\evil'],
    ['a slash and a backslash with a console path', '/\\evil.example/app/x'],
    ['two backslashes', '\\\\evil.example/app'],
    ['a backslash and a slash', '\\/evil.example/app'],
    ['another site', 'https://evil.example'],
    ['a scheme without slashes', 'https:evil.example/app'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a relative path', 'app/acheteur'],
    ['a leading space before a scheme-relative address', ' //evil.example/app'],
    ['a path outside the console', '/evil'],
    ['a path only starting like the console', '/application'],
    ['dot segments leaving the console', '/app/../admin'],
    ['percent-encoded dot segments to the root', '/app/%2e%2e'],
    ['a header injection', '/app/\r\nLocation: https://evil.example'],
    ['a tab', '/app/\t/evil.example'],
  ])('sends %s to the console home', (_name, value) => {
    expect(safeReturnPath(value)).toBe('/app');
  });

  it.each(['/app/acheteur?x=1', '/app/..%2f..%2fapp/x', '/app/./a//b/../c?d=%2e%2e#e'])('is idempotent on %s', (value) => {
    const once = safeReturnPath(value);
    expect(safeReturnPath(once)).toBe(once);
  });
});
