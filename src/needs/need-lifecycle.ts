import { NeedsErrors } from './needs.errors.js';

/*
 * The need state machine (DESIGN §4), as plain data and functions: no Nest, no TypeORM.
 * Who may take an action is checked by the service; this file only knows what the state allows.
 */

export const NEED_STATUSES = ['draft', 'submitted', 'changes_requested', 'published', 'rejected', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** Actions as the routes name them: `POST /needs/:id/<action>`. */
export const NEED_ACTIONS = ['submit', 'publish', 'request-changes', 'reject', 'close'] as const;
export type NeedAction = (typeof NEED_ACTIONS)[number];

const TRANSITIONS: Readonly<Record<NeedStatus, Partial<Record<NeedAction, NeedStatus>>>> = {
  draft: { submit: 'submitted' },
  submitted: { publish: 'published', 'request-changes': 'changes_requested', reject: 'rejected' },
  changes_requested: { submit: 'submitted' },
  published: { close: 'closed' },
  rejected: {},
  closed: {},
};

/** Only these states may be edited by the buyer. */
const EDITABLE: ReadonlySet<NeedStatus> = new Set(['draft', 'changes_requested']);

/** The actions the state allows, in a stable order. */
export function allowedTransitions(status: NeedStatus): NeedAction[] {
  return NEED_ACTIONS.filter((action) => TRANSITIONS[status][action] !== undefined);
}

/** The state an action leads to, or null when the current state does not allow it. */
export function nextStatus(status: NeedStatus, action: NeedAction): NeedStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

/** The state an action leads to; throws NEED_INVALID_TRANSITION (409) listing the allowed actions otherwise. */
export function assertTransition(status: NeedStatus, action: NeedAction): NeedStatus {
  const next = nextStatus(status, action);
  if (next === null) {
    throw NeedsErrors.NEED_INVALID_TRANSITION(`A ${status} need cannot be sent to ${action}.`, {
      status,
      action,
      allowed: allowedTransitions(status),
    });
  }
  return next;
}

export function isEditable(status: NeedStatus): boolean {
  return EDITABLE.has(status);
}

/** Outbox topic of the event an entered state raises: `need.submitted`, `need.published`… */
export const eventTopic = (status: NeedStatus): string => `need.${status}`;
