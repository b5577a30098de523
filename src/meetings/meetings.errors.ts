import { defineErrors } from '../common/errors/domain-error.js';

export const MeetingsErrors = defineErrors({
  EVENT_NOT_FOUND: { status: 404, message: 'Business meeting event not found.' },
  EVENT_INVALID_TRANSITION: { status: 409, message: 'This state change is not allowed now.' },
  EVENT_INVALID_HOURS: { status: 400, message: 'The event must close after it opens, with room for at least one meeting.' },
  EVENT_INVALID_DATES: {
    status: 400,
    message: 'The event day cannot be past, and registration must close before the first meeting.',
  },
  EVENT_REGISTRATION_CLOSED: { status: 409, message: 'Registration and wishes are closed for this event.' },
  EVENT_FULL: { status: 409, message: 'The event has reached its capacity.' },
  EVENT_REGISTRATION_INVALID: { status: 400, message: 'This registration does not fit the event or your organisation.' },
  EVENT_NOT_REGISTERED: { status: 404, message: 'Your organisation is not registered for this event.' },
  EVENT_WISH_INVALID: { status: 400, message: 'Wishes must be among your proposals, and no more than the event allows.' },
  EVENT_MEETING_NOT_FOUND: { status: 404, message: 'No scheduled meeting by this id in this event.' },
  EVENT_PAIR_INVALID: { status: 400, message: 'A pair is a registered buyer and a registered vendor of this event.' },
  EVENT_NOT_ON_THE_DAY: { status: 409, message: 'Check-in is open once the event is scheduled, until it is archived.' },
  EVENT_SEAT_REFUSED: {
    status: 409,
    message: 'This change breaks the schedule: an attendee or a table double-booked, an attendee unavailable or over their cap.',
  },
});
