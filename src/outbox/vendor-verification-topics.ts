/**
 * Outbox topics of a vendor's verification (issue 23), enqueued with the curator's decision or the
 * vendor's answer; here so the vendors folder need not import the notifications folder.
 */
export const VENDOR_VERIFICATION_TOPICS = {
  verified: 'vendor.verified',
  refused: 'vendor.refused',
  informationRequested: 'vendor.information_requested',
  answered: 'vendor.answered',
} as const;
