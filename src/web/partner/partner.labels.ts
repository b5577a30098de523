import type { ApiKeyScope } from '../../partners/partner-vocabulary.js';

/** What each key scope lets the partner's tools do, in the partner's words. */
export const SCOPE_LABELS: Readonly<Record<ApiKeyScope, string>> = {
  'needs:write': 'Déposer des besoins et importer des diagnostics',
  'needs:read': 'Suivre les besoins apportés et recevoir le webhook',
};
