import type { CandidatePair, SchedulingAttendee, SchedulingInput } from '../../src/meetings/scheduling/schedule-types.js';
import { prng } from './harness.js';

export interface MeetingInstanceSize {
  attendees: number;
  slots: number;
  tables: number;
  wishes: number;
  /** Vendors each buyer's ranking proposes (the wishes are picked among them). */
  ranked: number;
  cap: number;
  seed: number;
}

/**
 * A business-meetings day shaped like the real ones: half buyers, half vendors; most attendees stay
 * all day, a fifth only the morning or the afternoon; each buyer's ranking proposes `ranked`
 * vendors with decreasing scores, and everyone wishes `wishes` counterparts among those the ranking
 * showed them, preferring the top of the list.
 */
export function meetingInstance(size: MeetingInstanceSize): SchedulingInput {
  const random = prng(size.seed);
  const buyers = Math.floor(size.attendees / 2);
  const vendors = size.attendees - buyers;
  const half = Math.floor(size.slots / 2);
  const window = (): number[] => {
    const r = random();
    const all = Array.from({ length: size.slots }, (_, s) => s);
    return r < 0.1 ? all.slice(0, half) : r < 0.2 ? all.slice(half) : all;
  };
  const attendees: SchedulingAttendee[] = [
    ...Array.from({ length: buyers }, (_, i) => ({ id: `b${i}`, role: 'buyer' as const, available: window(), cap: size.cap })),
    ...Array.from({ length: vendors }, (_, i) => ({ id: `v${i}`, role: 'vendor' as const, available: window(), cap: size.cap })),
  ];
  const pairs = new Map<string, CandidatePair>();
  const shownTo = new Map<number, number[]>();
  for (let b = 0; b < buyers; b++) {
    const ranked = new Set<number>();
    while (ranked.size < Math.min(size.ranked, vendors)) ranked.add(Math.floor(random() * vendors));
    [...ranked].forEach((v, rank) => {
      const score = Math.round((0.9 - (0.6 * rank) / size.ranked + 0.1 * random()) * 1000) / 1000;
      pairs.set(`b${b}|v${v}`, { buyerId: `b${b}`, vendorId: `v${v}`, score, buyerWishes: false, vendorWishes: false });
      shownTo.set(v, [...(shownTo.get(v) ?? []), b]);
    });
    // The top of the list is wished more often: pick by a skewed index.
    const list = [...ranked];
    const wished = new Set<number>();
    while (wished.size < Math.min(size.wishes, list.length)) wished.add(list[Math.floor(random() ** 2 * list.length)]);
    for (const v of wished) pairs.get(`b${b}|v${v}`)!.buyerWishes = true;
  }
  for (let v = 0; v < vendors; v++) {
    const shown = shownTo.get(v) ?? [];
    const wished = new Set<number>();
    while (wished.size < Math.min(size.wishes, shown.length)) wished.add(shown[Math.floor(random() * shown.length)]);
    for (const b of wished) pairs.get(`b${b}|v${v}`)!.vendorWishes = true;
  }
  return { slots: size.slots, tables: size.tables, attendees, pairs: [...pairs.values()], fixed: [] };
}
