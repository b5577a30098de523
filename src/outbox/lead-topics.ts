/**
 * Outbox topics of lead alerts (issue 18), enqueued in the transaction that publishes a need or
 * publishes or changes an offering; here so the needs and offerings folders need not import the
 * lead alerts folder, which reads them.
 */
export const LEADS_FOR_NEED = 'leads.need_published';
export const LEADS_FOR_OFFERING = 'leads.offering_changed';
