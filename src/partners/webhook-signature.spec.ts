import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  const secret = 's'.repeat(32);
  const body = '{"id":"e1","type":"need.status_changed"}';
  const now = new Date('2026-12-06T10:00:00Z');

  it('signs the timestamp and the body with HMAC-SHA256, as a receiver recomputes it', () => {
    const header = signatureHeader(secret, body, now);
    const t = Math.floor(now.getTime() / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`);
    expect(verifySignature(secret, header, body, now)).toBe(true);
  });

  it.each([
    ['another body', (h: string) => [h, body.replace('e1', 'e2'), now, secret] as const],
    ['another secret', (h: string) => [h, body, now, 'x'.repeat(32)] as const],
    ['an old timestamp', (h: string) => [h, body, new Date(now.getTime() + 301_000), secret] as const],
    ['a changed timestamp', (h: string) => [h.replace(/t=(\d+)/, (_m, t: string) => `t=${Number(t) + 1}`), body, now, secret] as const],
    ['a malformed header', () => ['v1=abc', body, now, secret] as const],
  ])('refuses %s', (_name, make) => {
    const [header, b, at, key] = make(signatureHeader(secret, body, now));
    expect(verifySignature(key, header, b, at)).toBe(false);
  });
});
