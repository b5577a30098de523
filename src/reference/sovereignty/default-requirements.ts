import { DataSensitivity, HardRequirement } from './sovereignty.enums.js';

/**
 * Hard requirements a need starts with, by the sensitivity of its data (REFERENCE §4.5). Health
 * data are personal data, so they also get the GDPR processing contract.
 */
export const DEFAULT_REQUIREMENTS_BY_SENSITIVITY: Readonly<Record<DataSensitivity, readonly HardRequirement[]>> = {
  [DataSensitivity.NONE]: [],
  [DataSensitivity.PERSONAL]: [HardRequirement.GDPR_DPA],
  [DataSensitivity.HEALTH]: [HardRequirement.HDS_CERTIFIED, HardRequirement.DATA_IN_EU, HardRequirement.GDPR_DPA],
  [DataSensitivity.SENSITIVE_PUBLIC]: [HardRequirement.SECNUMCLOUD_OFFERING, HardRequirement.NO_EXTRATERRITORIAL_EXPOSURE],
};

/** Suggested, never imposed: collectivités are not bound by SecNumCloud (REFERENCE §0.4, §4.5). */
export const SUGGESTED_REQUIREMENTS_FOR_COLLECTIVITE: readonly HardRequirement[] = [HardRequirement.DATA_IN_EU, HardRequirement.GDPR_DPA];
