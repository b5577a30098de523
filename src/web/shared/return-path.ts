const HOME = '/app';
/** A placeholder origin: resolving against it is what a browser does with a Location header. */
const ORIGIN = 'http://circuit-ia.invalid';
const ABSOLUTE_HTTP = /^https?:\/\//i;
/** A path still changing after this many decodings is refused: no return path is encoded that deep. */
const MAX_DECODINGS = 4;

/**
 * Only a path of this console: an open redirect through `retour=` is impossible. The path is
 * read as a browser does (dot segments and `%2e` resolved, `//host` is another host) and must
 * stay under /app however often a proxy or router decodes it again (`%2f`, `%252e`); a backslash,
 * raw or encoded, is refused. Runs of slashes are collapsed. The Referer, a full address, gives its path only.
 */
export function safeReturnPath(value: string | undefined): string {
  // Control characters would end up in a Location header, which Node refuses (a 500).
  if (!value || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return HOME;
  const absolute = ABSOLUTE_HTTP.test(value);
  // Browsers read a backslash in a path as a slash; no console path has one.
  if ((!absolute && !value.startsWith('/')) || /^[^?#]*\\/.test(value)) return HOME;
  const given = resolve(value);
  if (!given || (!absolute && given.origin !== ORIGIN)) return HOME;
  const url = resolve(collapseSlashes(given.pathname) + given.search + given.hash);
  if (!url || !inConsole(url)) return HOME;
  const decoded = fullyDecoded(url.pathname);
  if (decoded === null || decoded.includes('\\') || ![decoded, collapseSlashes(decoded)].every((path) => inConsole(resolve(asPath(path)))))
    return HOME;
  return url.pathname + url.search + url.hash;
}

const inConsole = (url: URL | null): boolean => url !== null && url.origin === ORIGIN && /^\/app(\/|$)/.test(url.pathname);

/** A decoded `?` or `#` is still part of the path for whoever decoded it. */
const asPath = (decoded: string): string => decoded.replace(/\?/g, '%3F').replace(/#/g, '%23');

const collapseSlashes = (path: string): string => path.replace(/\/{2,}/g, '/');

function resolve(value: string): URL | null {
  try {
    return new URL(value, ORIGIN);
  } catch {
    return null;
  }
}

/** The path once every layer of percent-encoding is removed; null when malformed or nested too deep. */
function fullyDecoded(path: string): string | null {
  let current = path;
  for (let i = 0; i < MAX_DECODINGS; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}
