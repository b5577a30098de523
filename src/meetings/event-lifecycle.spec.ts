import { describe, expect, it } from '@jest/globals';
import {
  allowedEventActions,
  assertEventTransition,
  minuteOfDay,
  slotCount,
  slotTimes,
  type EventAction,
  type EventStatus,
} from './event-lifecycle.js';

describe('event lifecycle', () => {
  it.each([
    ['draft', 'publish', 'open'],
    ['open', 'close', 'closed'],
    ['closed', 'schedule', 'scheduled'],
    ['scheduled', 'schedule', 'scheduled'],
    ['scheduled', 'hold', 'held'],
    ['held', 'archive', 'archived'],
  ] as [EventStatus, EventAction, EventStatus][])('%s --%s--> %s', (from, action, to) => {
    expect(assertEventTransition(from, action)).toBe(to);
  });

  it.each([
    ['draft', 'close'],
    ['open', 'schedule'],
    ['closed', 'hold'],
    ['archived', 'publish'],
    ['held', 'schedule'],
  ] as [EventStatus, EventAction][])('refuses %s --%s--> with the allowed actions', (from, action) => {
    expect(() => assertEventTransition(from, action)).toThrow(
      expect.objectContaining({
        code: 'EVENT_INVALID_TRANSITION',
        details: expect.objectContaining({ allowed: allowedEventActions(from) }),
      }),
    );
  });

  it('cuts the opening hours into whole meetings', () => {
    expect(slotCount(minuteOfDay('09:00'), minuteOfDay('12:10'), 20)).toBe(9);
    expect(slotTimes(minuteOfDay('09:00'), minuteOfDay('10:00'), 20)).toEqual(['09:00', '09:20', '09:40']);
    expect(slotCount(600, 610, 20)).toBe(0);
  });
});
