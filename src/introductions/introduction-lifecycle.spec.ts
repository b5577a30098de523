import { DomainError } from '../common/errors/domain-error.js';
import {
  allowedEvents,
  assertTransition,
  contactsVisible,
  INTRODUCTION_EVENTS,
  INTRODUCTION_STATUSES,
  isOpen,
  mayRaise,
  nextStatus,
  pendingSides,
  type Actor,
  type IntroductionEvent,
  type IntroductionStatus,
} from './introduction-lifecycle.js';

const LEGAL: [IntroductionStatus, IntroductionEvent, IntroductionStatus][] = [
  ['proposed', 'vendor_accept', 'vendor_accepted'],
  ['proposed', 'buyer_accept', 'buyer_accepted'],
  ['proposed', 'vendor_decline', 'vendor_declined'],
  ['proposed', 'buyer_decline', 'buyer_declined'],
  ['proposed', 'cancel', 'cancelled'],
  ['vendor_accepted', 'buyer_accept', 'connected'],
  ['vendor_accepted', 'buyer_decline', 'buyer_declined'],
  ['vendor_accepted', 'cancel', 'cancelled'],
  ['buyer_accepted', 'vendor_accept', 'connected'],
  ['buyer_accepted', 'vendor_decline', 'vendor_declined'],
  ['buyer_accepted', 'cancel', 'cancelled'],
  ['connected', 'meeting_held', 'meeting_held'],
  ['connected', 'cancel', 'cancelled'],
  ['meeting_held', 'won', 'won'],
  ['meeting_held', 'lost', 'lost'],
  ['meeting_held', 'cancel', 'cancelled'],
];

describe('introduction lifecycle', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
    expect(assertTransition(from, event)).toBe(to);
  });

  const legal = new Set(LEGAL.map(([from, event]) => `${from}/${event}`));
  const illegal = INTRODUCTION_STATUSES.flatMap((s) => INTRODUCTION_EVENTS.map((e) => [s, e] as const)).filter(
    ([s, e]) => !legal.has(`${s}/${e}`),
  );

  it.each(illegal)('refuses %s --%s--> with 409 listing the allowed events', (from, event) => {
    expect(nextStatus(from, event)).toBeNull();
    try {
      assertTransition(from, event);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect(e.status).toBe(409);
      expect(e.code).toBe('INTRODUCTION_INVALID_TRANSITION');
      expect(e.details).toEqual({ status: from, event, allowed: allowedEvents(from) });
    }
  });

  it.each<[IntroductionStatus, Actor, IntroductionEvent[]]>([
    ['proposed', 'vendor', ['vendor_accept', 'vendor_decline']],
    ['proposed', 'buyer', ['buyer_accept', 'buyer_decline']],
    ['proposed', 'curator', ['cancel']],
    ['vendor_accepted', 'vendor', []],
    ['vendor_accepted', 'buyer', ['buyer_accept', 'buyer_decline']],
    ['connected', 'buyer', ['meeting_held']],
    ['connected', 'curator', ['meeting_held', 'cancel']],
    ['meeting_held', 'vendor', ['won', 'lost']],
    ['won', 'curator', []],
  ])('in %s, a %s may raise %j', (status, actor, events) => {
    expect(allowedEvents(status, actor)).toEqual(events);
  });

  it.each<[Actor, IntroductionEvent, boolean]>([
    ['vendor', 'vendor_accept', true],
    ['vendor', 'buyer_accept', false],
    ['buyer', 'cancel', false],
    ['curator', 'cancel', true],
    ['curator', 'vendor_accept', false],
    ['curator', 'won', true],
  ])('%s may raise %s: %s', (actor, event, expected) => {
    expect(mayRaise(actor, event)).toBe(expected);
  });

  it.each<[IntroductionStatus, boolean, boolean, string[]]>([
    ['proposed', true, false, ['vendor', 'buyer']],
    ['vendor_accepted', true, false, ['buyer']],
    ['buyer_accepted', true, false, ['vendor']],
    ['connected', true, true, []],
    ['meeting_held', true, true, []],
    ['won', false, true, []],
    ['lost', false, true, []],
    ['vendor_declined', false, false, []],
    ['buyer_declined', false, false, []],
    ['cancelled', false, false, []],
  ])('%s: open %s, contacts visible %s, waiting for %j', (status, open, visible, pending) => {
    expect(isOpen(status)).toBe(open);
    expect(contactsVisible(status)).toBe(visible);
    expect(pendingSides(status)).toEqual(pending);
  });
});
