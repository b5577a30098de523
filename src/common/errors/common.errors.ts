import { defineErrors } from './domain-error.js';

export const CommonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, message: 'The request is invalid.' },
  UNAUTHENTICATED: { status: 401, message: 'Authentication is required.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state.' },
  STALE_VERSION: { status: 409, message: 'The resource was changed by someone else; reload it and try again.' },
  INVALID_TRANSITION: { status: 409, message: 'This state change is not allowed now.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'A service this request needs is unavailable; try again shortly.' },
});
