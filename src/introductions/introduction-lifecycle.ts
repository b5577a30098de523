import { IntroductionsErrors } from './introductions.errors.js';

/*
 * The introduction state machine (DESIGN §4), as plain data and functions: no Nest, no TypeORM.
 * Who the caller is (vendor side, buyer side, curator) is decided by the service; this file only
 * knows what each state allows to each of them.
 */

export const INTRODUCTION_STATUSES = [
  'proposed',
  'vendor_accepted',
  'buyer_accepted',
  'connected',
  'vendor_declined',
  'buyer_declined',
  'meeting_held',
  'won',
  'lost',
  'cancelled',
] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

/** States in which an introduction is still running: one per (need, offering) at a time, cancellable. */
export const OPEN_STATUSES: readonly IntroductionStatus[] = ['proposed', 'vendor_accepted', 'buyer_accepted', 'connected', 'meeting_held'];

/** States in which both sides see each other's contacts. */
export const CONNECTED_STATUSES: readonly IntroductionStatus[] = ['connected', 'meeting_held', 'won', 'lost'];

export type Side = 'vendor' | 'buyer';
export type Actor = Side | 'curator';

/** The events that move an introduction, each tied to who may raise it. */
export const INTRODUCTION_EVENTS = [
  'vendor_accept',
  'buyer_accept',
  'vendor_decline',
  'buyer_decline',
  'meeting_held',
  'won',
  'lost',
  'cancel',
] as const;
export type IntroductionEvent = (typeof INTRODUCTION_EVENTS)[number];

const RAISED_BY: Readonly<Record<IntroductionEvent, readonly Actor[]>> = {
  vendor_accept: ['vendor'],
  buyer_accept: ['buyer'],
  vendor_decline: ['vendor'],
  buyer_decline: ['buyer'],
  meeting_held: ['vendor', 'buyer', 'curator'],
  won: ['vendor', 'buyer', 'curator'],
  lost: ['vendor', 'buyer', 'curator'],
  cancel: ['curator'],
};

const TRANSITIONS: Readonly<Record<IntroductionStatus, Partial<Record<IntroductionEvent, IntroductionStatus>>>> = {
  proposed: {
    vendor_accept: 'vendor_accepted',
    buyer_accept: 'buyer_accepted',
    vendor_decline: 'vendor_declined',
    buyer_decline: 'buyer_declined',
    cancel: 'cancelled',
  },
  // Both sides may accept in either order; the second acceptance connects them.
  vendor_accepted: { buyer_accept: 'connected', buyer_decline: 'buyer_declined', cancel: 'cancelled' },
  buyer_accepted: { vendor_accept: 'connected', vendor_decline: 'vendor_declined', cancel: 'cancelled' },
  connected: { meeting_held: 'meeting_held', cancel: 'cancelled' },
  meeting_held: { won: 'won', lost: 'lost', cancel: 'cancelled' },
  vendor_declined: {},
  buyer_declined: {},
  won: {},
  lost: {},
  cancelled: {},
};

/** The events the state allows, in a stable order; for one actor when given. */
export function allowedEvents(status: IntroductionStatus, actor?: Actor): IntroductionEvent[] {
  return INTRODUCTION_EVENTS.filter((e) => TRANSITIONS[status][e] !== undefined && (actor === undefined || RAISED_BY[e].includes(actor)));
}

/** The state an event leads to, or null when the state does not allow it. */
export function nextStatus(status: IntroductionStatus, event: IntroductionEvent): IntroductionStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

export function mayRaise(actor: Actor, event: IntroductionEvent): boolean {
  return RAISED_BY[event].includes(actor);
}

/** The state an event leads to; throws INTRODUCTION_INVALID_TRANSITION (409) listing the allowed events otherwise. */
export function assertTransition(status: IntroductionStatus, event: IntroductionEvent): IntroductionStatus {
  const next = nextStatus(status, event);
  if (next === null) {
    throw IntroductionsErrors.INTRODUCTION_INVALID_TRANSITION(`A ${status} introduction does not allow ${event}.`, {
      status,
      event,
      allowed: allowedEvents(status),
    });
  }
  return next;
}

export function isOpen(status: IntroductionStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function contactsVisible(status: IntroductionStatus): boolean {
  return CONNECTED_STATUSES.includes(status);
}

/** The side whose answer the state still waits for, or none. */
export function pendingSides(status: IntroductionStatus): Side[] {
  if (status === 'proposed') return ['vendor', 'buyer'];
  if (status === 'vendor_accepted') return ['buyer'];
  if (status === 'buyer_accepted') return ['vendor'];
  return [];
}

/** Outbox topic of the event an entered state raises: `introduction.proposed`, `introduction.connected`… */
export const eventTopic = (status: IntroductionStatus): string => `introduction.${status}`;

export const DECLINE_REASONS = ['not_relevant', 'no_capacity', 'budget', 'timing', 'already_equipped', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const INTRODUCTION_OUTCOMES = ['won', 'lost'] as const;
export type IntroductionOutcome = (typeof INTRODUCTION_OUTCOMES)[number];
