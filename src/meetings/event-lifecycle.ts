import { MeetingsErrors } from './meetings.errors.js';

/*
 * A business-meetings event's life (decision 028), as data: a curator drafts it, opens
 * registration, closes it, the scheduler's run makes it `scheduled`, the day makes it `held`, and
 * it is archived once its follow-up is done. No Nest, no TypeORM.
 */

export const EVENT_STATUSES = ['draft', 'open', 'closed', 'scheduled', 'held', 'archived'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Actions as the routes name them: `POST /events/:id/<action>`; `schedule` is the scheduler's run. */
export const EVENT_ACTIONS = ['publish', 'close', 'schedule', 'hold', 'archive'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

const TRANSITIONS: Readonly<Record<EventStatus, Partial<Record<EventAction, EventStatus>>>> = {
  draft: { publish: 'open' },
  open: { close: 'closed' },
  // A late cancellation re-runs the scheduler on a scheduled event: it stays scheduled.
  closed: { schedule: 'scheduled' },
  scheduled: { schedule: 'scheduled', hold: 'held' },
  held: { archive: 'archived' },
  archived: {},
};

/** States the public sees: a draft is the curator's alone. */
export const PUBLIC_STATUSES: readonly EventStatus[] = ['open', 'closed', 'scheduled', 'held', 'archived'];

export function allowedEventActions(status: EventStatus): EventAction[] {
  return EVENT_ACTIONS.filter((action) => TRANSITIONS[status][action] !== undefined);
}

/** The state an action leads to; throws EVENT_INVALID_TRANSITION (409) listing the allowed actions otherwise. */
export function assertEventTransition(status: EventStatus, action: EventAction): EventStatus {
  const next = TRANSITIONS[status][action];
  if (next === undefined) {
    throw MeetingsErrors.EVENT_INVALID_TRANSITION(`A ${status} event cannot be sent to ${action}.`, {
      status,
      action,
      allowed: allowedEventActions(status),
    });
  }
  return next;
}

/** "09:30" → 570; the DTOs have checked the format. */
export function minuteOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function clockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The day's meeting slots: as many whole meetings as fit between opening and closing. */
export function slotCount(opensMinute: number, closesMinute: number, meetingMinutes: number): number {
  return Math.max(0, Math.floor((closesMinute - opensMinute) / meetingMinutes));
}

/** The start of each slot, as "HH:MM". */
export function slotTimes(opensMinute: number, closesMinute: number, meetingMinutes: number): string[] {
  return Array.from({ length: slotCount(opensMinute, closesMinute, meetingMinutes) }, (_, s) =>
    clockTime(opensMinute + s * meetingMinutes),
  );
}
