import { AuthErrors } from '../../credentials/auth.errors.js';
import { CommonErrors } from '../../common/errors/common.errors.js';
import { IntroductionsErrors } from '../../introductions/introductions.errors.js';
import { JudgmentsErrors } from '../../judgments/judgments.errors.js';
import { MatchesErrors } from '../../matches/matches.errors.js';
import { MeetingsErrors } from '../../meetings/meetings.errors.js';
import { NeedsErrors } from '../../needs/needs.errors.js';
import { OfferingsErrors } from '../../offerings/offerings.errors.js';
import { OrganisationsErrors } from '../../organisations/organisations.errors.js';
import { OutcomeSurveysErrors } from '../../outcome-surveys/outcome-surveys.errors.js';
import { PartnersErrors } from '../../partners/partners.errors.js';
import { ReferenceErrors } from '../../reference/reference.errors.js';
import { UsersErrors } from '../../users/users.errors.js';
import { VendorsErrors } from '../../vendors/vendors.errors.js';

/** Every domain error code a console page can meet, as the features declare them. */
export type DomainErrorCode =
  | keyof typeof AuthErrors
  | keyof typeof CommonErrors
  | keyof typeof IntroductionsErrors
  | keyof typeof JudgmentsErrors
  | keyof typeof MatchesErrors
  | keyof typeof MeetingsErrors
  | keyof typeof NeedsErrors
  | keyof typeof OfferingsErrors
  | keyof typeof OrganisationsErrors
  | keyof typeof OutcomeSurveysErrors
  | keyof typeof PartnersErrors
  | keyof typeof ReferenceErrors
  | keyof typeof UsersErrors
  | keyof typeof VendorsErrors;

/** What a page does with a refusal: show the form again with the reason, send to sign-in, or show the error page. */
export type ErrorHandling = 'form' | 'sign-in' | 'error-page';

const KNOWN = new Set<string>(
  [
    AuthErrors,
    CommonErrors,
    IntroductionsErrors,
    JudgmentsErrors,
    MatchesErrors,
    MeetingsErrors,
    NeedsErrors,
    OfferingsErrors,
    OrganisationsErrors,
    OutcomeSurveysErrors,
    PartnersErrors,
    ReferenceErrors,
    UsersErrors,
    VendorsErrors,
  ].flatMap((t) => Object.keys(t)),
);

export const isDomainErrorCode = (code: string): code is DomainErrorCode => KNOWN.has(code);

function assertUnreachable(code: never): never {
  throw new Error(`Unhandled error code ${String(code)}`);
}

/**
 * The console's one table of domain errors. A new code does not compile until it is placed here:
 * the user can act on it in the form, must sign in, or cannot go on (missing, forbidden, outage).
 */
export function handlingOf(code: DomainErrorCode): ErrorHandling {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'CONFLICT':
    case 'STALE_VERSION':
    case 'INVALID_TRANSITION':
    case 'RATE_LIMITED':
    case 'LOGIN_THROTTLED':
    case 'EMAIL_TAKEN':
    case 'INTRODUCTION_INVALID_TRANSITION':
    case 'INTRODUCTION_NEED_NOT_PUBLISHED':
    case 'INTRODUCTION_NOT_ELIGIBLE':
    case 'INTRODUCTION_ALREADY_OPEN':
    case 'INTRODUCTION_NOT_A_PARTY':
    case 'NEED_NOT_PUBLISHED':
    case 'WEIGHTS_INVALID':
    case 'NEED_NOT_EDITABLE':
    case 'NEED_INVALID_TRANSITION':
    case 'NEED_INCOMPLETE':
    case 'NEED_REQUIREMENT_MISSING':
    case 'OFFERING_INVALID_TRANSITION':
    case 'OFFERING_NOT_PUBLISHABLE':
    case 'OFFERING_NOT_EDITABLE':
    case 'OFFERING_WITHOUT_PROFILE':
    case 'SECTOR_PARENT_NOT_ABOVE_LEVEL':
    case 'MEMBERSHIP_NOT_PENDING':
    case 'LAST_ADMIN':
    case 'WRONG_CURRENT_PASSWORD':
    case 'VENDOR_ALREADY_VERIFIED':
    case 'VENDOR_VERIFICATION_INVALID_TRANSITION':
    case 'ESTABLISHMENT_OF_ANOTHER_COMPANY':
    case 'DIAGNOSTIC_OTHER_COMPANY':
    case 'EMAIL_NOT_VERIFIED':
    case 'EMAIL_ALREADY_VERIFIED':
    case 'ACCOUNT_LINK_INVALID':
    case 'EVENT_INVALID_TRANSITION':
    case 'EVENT_INVALID_HOURS':
    case 'EVENT_INVALID_DATES':
    case 'EVENT_REGISTRATION_CLOSED':
    case 'EVENT_FULL':
    case 'EVENT_REGISTRATION_INVALID':
    case 'EVENT_WISH_INVALID':
    case 'EVENT_PAIR_INVALID':
    case 'EVENT_NOT_ON_THE_DAY':
    case 'EVENT_SEAT_REFUSED':
      return 'form';
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'INVALID_REFRESH_TOKEN':
      return 'sign-in';
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'SERVICE_UNAVAILABLE':
    case 'INTRODUCTION_NOT_FOUND':
    case 'JUDGMENT_NOT_FOUND':
    case 'OFFERING_NOT_FOUND':
    case 'CLAIM_NOT_FOUND':
    case 'NEED_NOT_FOUND':
    case 'ORGANISATION_NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'VENDOR_NOT_FOUND':
    case 'ESTABLISHMENT_NOT_FOUND':
    case 'PARTNER_NOT_FOUND':
    case 'API_KEY_NOT_FOUND':
    case 'API_KEY_INVALID':
    case 'API_KEY_SCOPE_MISSING':
    case 'WEBHOOK_NOT_FOUND':
    case 'INVITATION_NOT_FOUND':
    case 'INVITATION_USED':
    case 'INVITATION_EXPIRED':
    case 'INVITATION_REPLACED':
    case 'INVITATION_NOT_RESENDABLE':
    case 'PARTNER_NEED_NOT_FOUND':
    case 'PARTNER_MEMBER_NOT_FOUND':
    case 'EVENT_NOT_FOUND':
    case 'EVENT_NOT_REGISTERED':
    case 'EVENT_MEETING_NOT_FOUND':
    case 'INVITATION_OTHER_ORGANISATION':
    case 'SURVEY_LINK_INVALID':
    case 'SURVEY_ALREADY_ANSWERED':
      return 'error-page';
    default:
      return assertUnreachable(code);
  }
}

/** The handling of any failure: domain codes by the table; anything else (HTTP, database, bug) is not the form's to show. */
export function handlingOfCode(code: string, status: number): ErrorHandling {
  if (isDomainErrorCode(code)) return handlingOf(code);
  return status === 401 ? 'sign-in' : 'error-page';
}
