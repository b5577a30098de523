import { AuthErrors } from '../../credentials/auth.errors.js';
import { CommonErrors } from '../../common/errors/common.errors.js';
import { IntroductionsErrors } from '../../introductions/introductions.errors.js';
import { JudgmentsErrors } from '../../judgments/judgments.errors.js';
import { MatchesErrors } from '../../matches/matches.errors.js';
import { MeetingsErrors } from '../../meetings/meetings.errors.js';
import { NeedsErrors } from '../../needs/needs.errors.js';
import { OfferingsErrors } from '../../offerings/offerings.errors.js';
import { OrganisationsErrors } from '../../organisations/organisations.errors.js';
import { ReferenceErrors } from '../../reference/reference.errors.js';
import { UsersErrors } from '../../users/users.errors.js';
import { VendorsErrors } from '../../vendors/vendors.errors.js';
import { handlingOf, handlingOfCode, isDomainErrorCode, type ErrorHandling } from './error-handling.js';

const tables = [
  AuthErrors,
  CommonErrors,
  IntroductionsErrors,
  JudgmentsErrors,
  MatchesErrors,
  MeetingsErrors,
  NeedsErrors,
  OfferingsErrors,
  OrganisationsErrors,
  ReferenceErrors,
  UsersErrors,
  VendorsErrors,
];
const everyError = tables.flatMap((t) => Object.values(t).map((make) => make()));

/** The rule the console applied from HTTP statuses before the table: the table must not change what users see. */
function byStatus(status: number, code: string): ErrorHandling {
  if (status === 401) return 'sign-in';
  if (status >= 500 || status === 404 || (status === 403 && code === 'FORBIDDEN')) return 'error-page';
  return 'form';
}

describe('handlingOf', () => {
  it.each(everyError.map((e) => [e.code, e.status, e] as const))('%s (%i) is handled as its status was', (code, status) => {
    expect(isDomainErrorCode(code)).toBe(true);
    expect(handlingOf(code as Parameters<typeof handlingOf>[0])).toBe(byStatus(status, code));
  });

  it.each([
    ['ROUTE_NOT_FOUND', 404, 'error-page'],
    ['UNAUTHENTICATED', 401, 'sign-in'],
    ['HTTP_401', 401, 'sign-in'],
    ['ALREADY_EXISTS', 409, 'error-page'],
    ['INTERNAL_ERROR', 500, 'error-page'],
  ] as const)('reads %s (%i), a code no feature declares, from its status: %s', (code, status, expected) => {
    expect(handlingOfCode(code, status)).toBe(expected);
  });
});
