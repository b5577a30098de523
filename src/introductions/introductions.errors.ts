import { defineErrors } from '../common/errors/domain-error.js';

export const IntroductionsErrors = defineErrors({
  INTRODUCTION_NOT_FOUND: { status: 404, message: 'Introduction not found.' },
  INTRODUCTION_INVALID_TRANSITION: { status: 409, message: 'This state change is not allowed now.' },
  INTRODUCTION_NEED_NOT_PUBLISHED: { status: 409, message: 'Only a published need can be introduced to vendors.' },
  INTRODUCTION_NOT_ELIGIBLE: {
    status: 409,
    message: 'The offering is not eligible for this need; details.failed lists the rules it breaks.',
  },
  INTRODUCTION_ALREADY_OPEN: { status: 409, message: 'An open introduction already exists for this need and offering.' },
  INTRODUCTION_NOT_A_PARTY: { status: 403, message: 'Only the vendor or the buyer of this introduction can answer it.' },
});
