/** Who a user is on the platform, and where their membership of an organisation stands. */
/** `partner`: a partner-admin, acting for one partner organisation (table partner_member, decision 029). */
export const ROLES = ['vendor', 'buyer', 'curator', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];
export const MEMBERSHIP_STATUSES = ['active', 'pending', 'rejected'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
