import { defineErrors } from '../common/errors/domain-error.js';

export const MeetingsErrors = defineErrors({
  EVENT_NOT_FOUND: { status: 404, message: 'Business meeting event not found.' },
  EVENT_INVALID_TRANSITION: { status: 409, message: 'This state change is not allowed now.' },
  EVENT_INVALID_HOURS: { status: 400, message: 'The event must close after it opens, with room for at least one meeting.' },
});
