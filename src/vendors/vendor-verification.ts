import type { VerificationStatus } from '../organisations/organisation.entity.js';

/*
 * The verification of a vendor organisation as data (decision 032). A curator confirms, refuses
 * with a reason, or asks a question; the vendor's answer puts it back in the curators' queue. A
 * refused vendor may still be confirmed or asked a question later (the curator changed their mind,
 * the vendor wrote in); verified is final here and keeps its own 409.
 */

export type VerificationAction = 'verify' | 'refuse' | 'request_information' | 'answer';

/** What a vendor's verification looks like from outside: `verified` comes from `verifiedAt`. */
export type VerificationState = VerificationStatus | 'verified';

export const VERIFICATION_STATES = ['pending', 'waiting_vendor', 'refused', 'verified'] as const satisfies readonly VerificationState[];

const ALLOWED: Readonly<Record<VerificationState, readonly VerificationAction[]>> = {
  pending: ['verify', 'refuse', 'request_information'],
  waiting_vendor: ['verify', 'refuse', 'request_information', 'answer'],
  refused: ['verify', 'request_information'],
  verified: [],
};

/** Where each action leads. */
export const NEXT_STATE: Readonly<Record<VerificationAction, VerificationState>> = {
  verify: 'verified',
  refuse: 'refused',
  request_information: 'waiting_vendor',
  answer: 'pending',
};

export const allowedVerificationActions = (state: VerificationState): readonly VerificationAction[] => ALLOWED[state];

export const canDoVerification = (state: VerificationState, action: VerificationAction): boolean => ALLOWED[state].includes(action);

export const verificationStateOf = (o: { verifiedAt: Date | null; verificationStatus: VerificationStatus }): VerificationState =>
  o.verifiedAt ? 'verified' : o.verificationStatus;
