/**
 * Outbox topics of partner webhooks (issue 20), enqueued when a need a partner brought, or one of
 * its introductions, changes state; here so the needs and introductions folders need not import
 * the partners folder, which delivers them. The worker gives a topic to one handler only, hence
 * topics of their own rather than a second reader of `need.*`.
 */
export const PARTNER_NEED_STATUS = 'partner.need_status';
export const PARTNER_INTRODUCTION_STATUS = 'partner.introduction_status';
