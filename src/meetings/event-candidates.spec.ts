import { buyersRankedLive, LIVE_VENDOR_BUYERS } from './event-candidates.service.js';

describe("a vendor's live proposals before registration closes", () => {
  const attendees = Array.from({ length: 100 }, (_, i) => ({ id: `a${i}`, role: i % 2 === 0 ? ('buyer' as const) : ('vendor' as const) }));

  it('rank at most LIVE_VENDOR_BUYERS buyers, the first registered', () => {
    const ranked = buyersRankedLive(attendees);
    expect(ranked).toHaveLength(LIVE_VENDOR_BUYERS);
    expect(ranked.every((a) => a.role === 'buyer')).toBe(true);
    expect(ranked[0].id).toBe('a0');
    expect(ranked.at(-1)!.id).toBe(`a${2 * (LIVE_VENDOR_BUYERS - 1)}`);
  });

  it('rank every buyer of a smaller event', () => {
    expect(buyersRankedLive(attendees.slice(0, 10))).toHaveLength(5);
  });
});
