import { retryDelayMs } from './outbox.types.js';

describe('retryDelayMs', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [10, 300_000],
    [50, 300_000],
  ])('attempt %i waits %i ms without jitter', (attempt, expected) => {
    expect(retryDelayMs(attempt, 1000, 300_000, () => 0.5)).toBe(expected);
  });

  it('keeps jitter within ±20 %', () => {
    expect(retryDelayMs(3, 1000, 300_000, () => 0)).toBe(3200);
    expect(retryDelayMs(3, 1000, 300_000, () => 1)).toBe(4800);
  });
});
