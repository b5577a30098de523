import { DEFAULT_REQUIREMENTS_BY_SENSITIVITY, SUGGESTED_REQUIREMENTS_FOR_COLLECTIVITE } from './default-requirements.js';
import {
  DataSensitivity,
  GRADE_MIN_SCORES,
  HardRequirement,
  SOVEREIGNTY_BLOCKS,
  SOVEREIGNTY_GRADES,
  type SovereigntyBlock,
} from './sovereignty.enums.js';
import * as labels from './sovereignty.labels.js';

export interface LabelledValue {
  readonly code: string;
  readonly label: string;
}

const labelled = (table: Readonly<Record<string | number, string>>): LabelledValue[] =>
  Object.entries(table).map(([code, label]) => ({ code, label }));

/** The whole vocabulary, as `GET /reference/sovereignty` serves it. */
export function sovereigntyVocabulary() {
  return {
    vocabularies: [
      { name: 'Zone', values: labelled(labels.ZONE_LABELS) },
      { name: 'JurisdictionOfControl', values: labelled(labels.JURISDICTION_LABELS) },
      { name: 'ExtraterritorialExposure', values: labelled(labels.EXTRATERRITORIAL_EXPOSURE_LABELS) },
      { name: 'SecNumCloudStatus', values: labelled(labels.SECNUMCLOUD_STATUS_LABELS) },
      { name: 'NonEuControl', values: labelled(labels.NON_EU_CONTROL_LABELS) },
      { name: 'DataResidency', values: labelled(labels.DATA_RESIDENCY_LABELS) },
      { name: 'DeploymentMode', values: labelled(labels.DEPLOYMENT_MODE_LABELS) },
      { name: 'ModelOrigin', values: labelled(labels.MODEL_ORIGIN_LABELS) },
      { name: 'ModelLicence', values: labelled(labels.MODEL_LICENCE_LABELS) },
      { name: 'InferenceHosting', values: labelled(labels.INFERENCE_HOSTING_LABELS) },
      { name: 'TrainingOnCustomerData', values: labelled(labels.TRAINING_ON_CUSTOMER_DATA_LABELS) },
      { name: 'NonEuTransfers', values: labelled(labels.NON_EU_TRANSFERS_LABELS) },
      { name: 'AiActRiskClass', values: labelled(labels.AI_ACT_RISK_CLASS_LABELS) },
      { name: 'AiActRole', values: labelled(labels.AI_ACT_ROLE_LABELS) },
      { name: 'TrustLabel', values: labelled(labels.TRUST_LABEL_LABELS) },
      { name: 'HdsActivity', values: labelled(labels.HDS_ACTIVITY_LABELS) },
      { name: 'DataSensitivity', values: labelled(labels.DATA_SENSITIVITY_LABELS) },
    ],
    hardRequirements: Object.values(HardRequirement).map((code) => ({ code, label: labels.HARD_REQUIREMENT_LABELS[code] })),
    defaultRequirements: Object.values(DataSensitivity).map((dataSensitivity) => ({
      dataSensitivity,
      label: labels.DATA_SENSITIVITY_LABELS[dataSensitivity],
      requirements: [...DEFAULT_REQUIREMENTS_BY_SENSITIVITY[dataSensitivity]],
    })),
    suggestedForCollectivite: [...SUGGESTED_REQUIREMENTS_FOR_COLLECTIVITE],
    grades: SOVEREIGNTY_GRADES.map((grade) => ({
      grade,
      minScore: GRADE_MIN_SCORES[grade],
      label: labels.SOVEREIGNTY_GRADE_LABELS[grade],
    })),
    scoreBlocks: (Object.keys(SOVEREIGNTY_BLOCKS) as SovereigntyBlock[]).map((block) => ({
      block,
      maxScore: SOVEREIGNTY_BLOCKS[block],
      label: labels.SOVEREIGNTY_BLOCK_LABELS[block],
    })),
  };
}

export type SovereigntyVocabulary = ReturnType<typeof sovereigntyVocabulary>;
