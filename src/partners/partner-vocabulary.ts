/** Who brings needs in from the field (issue 20); the kinds the KPIs group partners by. */
export const PARTNER_KINDS = ['cci', 'bpifrance', 'france_num', 'ambassador', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** What an API key may do: post drafts, read back the partner's own needs. */
export const API_KEY_SCOPES = ['needs:write', 'needs:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** The request header carrying a partner key; the OpenAPI security scheme of the same name. */
export const API_KEY_HEADER = 'x-api-key';
export const API_KEY_SCHEME = 'partner-key';

/** The audit log's actor role for an API key: actor_id is then the key's id, not a user's. */
export const PARTNER_KEY_ACTOR_ROLE = 'partner_key';
