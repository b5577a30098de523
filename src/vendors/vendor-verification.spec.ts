import {
  allowedVerificationActions,
  canDoVerification,
  NEXT_STATE,
  verificationStateOf,
  type VerificationAction,
  type VerificationState,
} from './vendor-verification.js';

describe('vendor verification', () => {
  it.each<[VerificationState, VerificationAction, boolean]>([
    ['pending', 'verify', true],
    ['pending', 'refuse', true],
    ['pending', 'request_information', true],
    ['pending', 'answer', false],
    ['waiting_vendor', 'answer', true],
    ['waiting_vendor', 'verify', true],
    ['refused', 'refuse', false],
    ['refused', 'answer', false],
    ['refused', 'verify', true],
    ['verified', 'verify', false],
    ['verified', 'refuse', false],
    ['verified', 'request_information', false],
  ])('from %s, %s is %s', (state, action, allowed) => {
    expect(canDoVerification(state, action)).toBe(allowed);
  });

  it('sends an answered question back to the queue', () => {
    expect(NEXT_STATE.answer).toBe('pending');
    expect(NEXT_STATE.request_information).toBe('waiting_vendor');
  });

  it('reads verified from the verification date, whatever the status says', () => {
    expect(verificationStateOf({ verifiedAt: new Date(), verificationStatus: 'refused' })).toBe('verified');
    expect(verificationStateOf({ verifiedAt: null, verificationStatus: 'waiting_vendor' })).toBe('waiting_vendor');
    expect(allowedVerificationActions('verified')).toEqual([]);
  });
});
