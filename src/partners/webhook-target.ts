import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { nonPublicReason, parseWebhookUrl, type WebhookTarget } from './webhook-address.js';

export type Resolve = (host: string) => Promise<Array<{ address: string; family: number }>>;

const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

/** A webhook URL the platform may call, with the one address it was checked at. */
export interface ScreenedTarget extends WebhookTarget {
  address: string;
  family: 4 | 6;
}

/** How a delivery this screening refused is recorded (its error): this, then the screening's reason. */
export const SCREENING_REFUSED = 'refused: ';

/**
 * Screens a webhook URL: its form, then every address its host resolves to. Returns the target with
 * the address to connect to, or the reason in words. Checking every address (not only the first)
 * stops a name that answers one public and one private address.
 */
export async function screenWebhookUrl(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolve = systemResolve,
): Promise<ScreenedTarget | string> {
  const parsed = parseWebhookUrl(raw);
  if (typeof parsed === 'string') return parsed;
  if (parsed.url.protocol !== 'https:' && !allowPrivate) return 'url must use https';
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = await resolve(parsed.host);
  } catch {
    return `url's host ${parsed.host} cannot be resolved`;
  }
  if (!addresses.length) return `url's host ${parsed.host} cannot be resolved`;
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const reason = nonPublicReason(address);
      if (reason) return `url's host ${parsed.host} resolves to ${address}, a ${reason} address: webhooks must reach a public address`;
    }
  }
  const first = addresses[0];
  return { ...parsed, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** Connects to the screened address whatever the DNS says now (no rebinding between check and call). */
function pinnedLookup(target: ScreenedTarget): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
}

/** POSTs a body to a screened target; resolves with the HTTP status. No redirect is followed. */
export function postToTarget(target: ScreenedTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    lookup: pinnedLookup(target),
    signal: AbortSignal.timeout(timeoutMs),
  };
  return new Promise((resolve, reject) => {
    const req = send(target.url, options, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
