/** Who a user is on the platform, and where their membership of an organisation stands. */
export const ROLES = ['vendor', 'buyer', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const MEMBERSHIP_STATUSES = ['active', 'pending', 'rejected'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
