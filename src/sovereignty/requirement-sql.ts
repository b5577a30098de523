import type { HardRequirement } from './hard-requirements.js';

/**
 * The SQL twin of `hard-requirements.ts`: each requirement as a condition on the offering's flat
 * EFFECTIVE sovereignty columns (alias `o`), so candidate retrieval filters in PostgreSQL what
 * `failedRequirements` re-checks in memory. `test/matching-requirements-sql.e2e-spec.ts` runs both
 * on one table of offerings and expects the same verdicts. A NULL column fails the condition, except
 * for AI_ACT_NOT_HIGH_RISK, where an unassessed class passes in both.
 */
export const REQUIREMENT_SQL: Readonly<Record<HardRequirement, string>> = {
  SECNUMCLOUD_OFFERING: "o.sec_num_cloud = 'OFFERING'",
  SECNUMCLOUD_INFRA_OR_BETTER: "o.sec_num_cloud IN ('OFFERING', 'INFRASTRUCTURE_ONLY')",
  HDS_CERTIFIED: 'o.hds IS TRUE',
  DATA_IN_FRANCE: "o.data_residency IN ('FR', 'CUSTOMER_PREMISES')",
  DATA_IN_EU: "o.data_residency IN ('FR', 'EU_EEA', 'CUSTOMER_PREMISES')",
  NO_NON_EU_REMOTE_ACCESS: 'o.non_eu_remote_access IS FALSE',
  NO_EXTRATERRITORIAL_EXPOSURE:
    "(o.extraterritorial_exposure = 'NO' AND o.non_eu_control = 'NONE' AND o.hq_jurisdiction IN ('FR', 'EU_EEA')" +
    " AND (o.provider_jurisdiction IN ('FR', 'EU_EEA') OR o.data_residency = 'CUSTOMER_PREMISES')" +
    " AND o.inference_hosting IN ('CUSTOMER_HOSTED', 'VENDOR_HOSTED_EU', 'THIRD_PARTY_API_EU'))",
  ON_PREMISE_OR_PRIVATE: "o.deployment_modes && ARRAY['ON_PREMISE', 'PRIVATE_CLOUD']::text[]",
  NO_TRAINING_ON_CUSTOMER_DATA: "o.training_on_customer_data = 'NEVER'",
  GDPR_DPA: 'o.dpa_art28 IS TRUE',
  NO_NON_EU_TRANSFERS: "o.non_eu_transfers = 'NONE'",
  EU_MODEL: "o.model_origin IN ('FR', 'EU_EEA', 'IN_HOUSE_EU', 'NONE')",
  OPEN_SOURCE_MODEL: "o.model_licence = 'OSI_OPEN_SOURCE'",
  SELF_HOSTABLE_MODEL: "o.inference_hosting = 'CUSTOMER_HOSTED'",
  ISO27001: 'o.iso27001 IS TRUE',
  AI_ACT_NOT_HIGH_RISK: "o.ai_act_risk_class IS DISTINCT FROM 'HIGH' AND o.ai_act_risk_class IS DISTINCT FROM 'PROHIBITED'",
  DATA_EXPORT_OPEN_FORMAT: 'o.data_export_open_format IS TRUE',
};

/** The conjunction of the listed requirements; `TRUE` when none. */
export function requirementsSql(required: readonly HardRequirement[]): string {
  return required.length === 0 ? 'TRUE' : required.map((r) => `(${REQUIREMENT_SQL[r]})`).join(' AND ');
}
