/** Only a path of this console: an open redirect through `retour=` is impossible. */
export function safeReturnPath(value: string | undefined): string {
  // Control characters would end up in a Location header, which Node refuses (a 500).
  if (!value || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '/app';
  let path = value;
  try {
    if (/^https?:\/\//i.test(value)) path = new URL(value).pathname + new URL(value).search;
  } catch {
    return '/app';
  }
  return /^\/app(\/|\?|$)/.test(path) && !path.startsWith('//') && !path.includes('\\') ? path : '/app';
}
