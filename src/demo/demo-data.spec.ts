import {
  mayRaise,
  nextStatus,
  pendingSides,
  CONNECTED_STATUSES,
  type IntroductionStatus,
} from '../introductions/introduction-lifecycle.js';
import { isValidSiren } from '../reference/validation/siren.js';
import { DEMO_CLAIM_REVIEWS, DEMO_INTRODUCTION_STATUSES, DEMO_INTRODUCTIONS, demoBuyers, demoVendors } from './demo-data.js';

/** Printed by `npm start`: the vendor and buyer accounts a visitor signs in with. */
const PRINTED_VENDOR = 0;
const PRINTED_BUYER = 2;

/** Words of a buyer's name that identify it: every capitalised word but the first (which is "Commune", "Ville", "Hôtel"…). */
function identifyingWords(name: string): string[] {
  const words = name
    .replace(' (démo)', '')
    .split(/\s+/)
    .map((w) => w.replace(/^[dl][’']/i, ''));
  return words.slice(1).filter((w) => /^\p{Lu}/u.test(w));
}

function mentions(text: string, name: string): string | null {
  const plain = name.replace(' (démo)', '');
  if (text.includes(plain)) return plain;
  return identifyingWords(name).find((w) => new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'u').test(text)) ?? null;
}

/** The status an introduction reaches through its steps, checking each step is allowed to whoever takes it. */
function play(scenario: (typeof DEMO_INTRODUCTIONS)[number]): IntroductionStatus {
  let status: IntroductionStatus = 'proposed';
  for (const step of scenario.steps) {
    const by = 'by' in step ? step.by : step.event.startsWith('vendor') ? 'vendor' : 'buyer';
    expect(mayRaise(by, step.event)).toBe(true);
    const next = nextStatus(status, step.event);
    if (!next) throw new Error(`${step.event} is not allowed from ${status}`);
    status = next;
  }
  return status;
}

describe('demo data', () => {
  const vendors = demoVendors();
  const buyers = demoBuyers();

  it('is deterministic', () => {
    expect(demoVendors()).toEqual(vendors);
    expect(demoBuyers()).toEqual(buyers);
  });

  it('has unique e-mails and valid, unique SIRENs', () => {
    const emails = [...vendors, ...buyers].map((a) => a.email);
    const sirens = [...vendors, ...buyers].map((a) => a.organisation.siren);
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(sirens).size).toBe(sirens.length);
    expect(sirens.every(isValidSiren)).toBe(true);
  });

  it('leaves 3 to 5 vendors waiting for verification, none of them introduced or reviewed, and keeps 40 verified ones', () => {
    const waiting = vendors.map((v, i) => ({ v, i })).filter(({ v }) => !v.verified);
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    expect(waiting.length).toBeLessThanOrEqual(5);
    expect(vendors.filter((v) => v.verified)).toHaveLength(40);
    const used = new Set([...DEMO_INTRODUCTIONS.map((s) => s.vendor), ...DEMO_CLAIM_REVIEWS.map((r) => r.vendor)]);
    expect(waiting.filter(({ i }) => used.has(i))).toEqual([]);
    expect(vendors[PRINTED_VENDOR].verified).toBe(true);
  });

  it('attaches evidence to a few offerings, each on a claim of the offering’s profile', () => {
    const withEvidence = vendors.flatMap((v) => v.offerings).filter((o) => (o.evidence as unknown[]).length > 0);
    expect(withEvidence.length).toBeGreaterThanOrEqual(3);
    for (const o of withEvidence) {
      for (const e of o.evidence as { claim: string; url?: string; documentRef?: string }[]) {
        expect(e.url ?? e.documentRef).toBeTruthy();
        const [section, field] = e.claim.split('.');
        expect((o.sovereignty as Record<string, Record<string, unknown>>)[section][field]).toBeDefined();
      }
    }
  });

  it('never names a buyer in a need title or description, nor in the curators’ reasons for an introduction', () => {
    const texts = buyers.flatMap((b) => b.needs.flatMap((n) => [String(n.body.title), String(n.body.description)]));
    texts.push(...DEMO_INTRODUCTIONS.map((s) => s.why));
    const leaks = texts.flatMap((text) =>
      buyers
        .map((b) => mentions(text, b.organisation.name))
        .flatMap((word, i) => (word ? [`"${text}" names ${buyers[i].organisation.name} (${word})`] : [])),
    );
    expect(leaks).toEqual([]);
  });

  it('catches a description that names its buyer', () => {
    expect(mentions('Ville de Toulon cherche un assistant', 'Ville de Toulon (démo)')).toBe('Ville de Toulon');
    expect(mentions('Le service de Toulon cherche…', 'Ville de Toulon (démo)')).toBe('Toulon');
    expect(mentions('Une métropole cherche un assistant', 'Métropole Nice Côte d’Azur (démo)')).toBeNull();
  });

  it('keeps needs in every status of the review, with submitted ones of different ages', () => {
    const needs = buyers.flatMap((b) => b.needs);
    const statuses = new Set(needs.map((n) => n.status));
    expect([...statuses].sort()).toEqual(['changes_requested', 'draft', 'published', 'rejected', 'submitted']);
    const submitted = needs.filter((n) => n.status === 'submitted').map((n) => n.ageHours);
    expect(submitted.length).toBeGreaterThanOrEqual(3);
    expect(new Set(submitted).size).toBe(submitted.length);
    for (const n of needs.filter((x) => x.status === 'changes_requested' || x.status === 'rejected')) expect(n.curatorText).toBeTruthy();
  });

  describe('introductions', () => {
    it('end in the declared statuses through allowed steps', () => {
      expect(DEMO_INTRODUCTIONS.map(play)).toEqual([...DEMO_INTRODUCTION_STATUSES]);
      expect(new Set(DEMO_INTRODUCTION_STATUSES)).toEqual(
        new Set([
          'proposed',
          'vendor_accepted',
          'buyer_accepted',
          'connected',
          'meeting_held',
          'won',
          'lost',
          'vendor_declined',
          'buyer_declined',
        ]),
      );
    });

    it('pair a published need with a verified vendor’s offering on the same use case, in time order', () => {
      for (const s of DEMO_INTRODUCTIONS) {
        expect(buyers[s.buyer].needs.some((n) => n.status === 'published' && (n.body.useCases as string[]).includes(s.useCase))).toBe(true);
        expect(vendors[s.vendor].verified).toBe(true);
        expect(vendors[s.vendor].offerings.some((o) => (o.useCases as string[]).includes(s.useCase))).toBe(true);
        const days = [s.proposedDaysAgo, ...s.steps.map((x) => x.daysAgo), ...(s.closeNeed ? [s.closeNeed.daysAgo] : [])];
        expect(days).toEqual([...days].sort((a, b) => b - a));
      }
    });

    it('leave no pair introduced twice, and none waiting long enough to trigger a reminder (5 days)', () => {
      const pairs = DEMO_INTRODUCTIONS.map((s) => `${s.buyer}/${s.useCase}/${s.vendor}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      DEMO_INTRODUCTIONS.forEach((s, i) => {
        if (pendingSides(DEMO_INTRODUCTION_STATUSES[i]).length > 0) expect(s.proposedDaysAgo).toBeLessThan(5);
      });
    });

    it.each([
      ['vendor', PRINTED_VENDOR],
      ['buyer', PRINTED_BUYER],
    ] as const)('give the printed %s account one connected introduction and one waiting for its answer', (side, index) => {
      const own = DEMO_INTRODUCTIONS.map((s, i) => ({ s, status: DEMO_INTRODUCTION_STATUSES[i] })).filter(({ s }) => s[side] === index);
      expect(own.some(({ status }) => CONNECTED_STATUSES.includes(status))).toBe(true);
      expect(own.some(({ status }) => pendingSides(status).includes(side))).toBe(true);
    });
  });
});
