import { GRADE_MIN_SCORES, SOVEREIGNTY_GRADES, type SovereigntyGrade } from './sovereignty.enums.js';
import * as labels from './sovereignty.labels.js';

/* Sovereignty values and grades as people read them, built from the label tables and the grade thresholds. */

/** The label table of each profile field whose value is a code; booleans read "Oui" / "Non". */
const FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'vendor.hqJurisdiction': labels.JURISDICTION_LABELS,
  'vendor.nonEuControl': labels.NON_EU_CONTROL_LABELS,
  'vendor.extraterritorialExposure': labels.EXTRATERRITORIAL_EXPOSURE_LABELS,
  'hosting.dataResidency': labels.DATA_RESIDENCY_LABELS,
  'hosting.providerJurisdiction': labels.JURISDICTION_LABELS,
  'hosting.deploymentModes': labels.DEPLOYMENT_MODE_LABELS,
  'certifications.secNumCloud': labels.SECNUMCLOUD_STATUS_LABELS,
  'certifications.labels': labels.TRUST_LABEL_LABELS,
  'certifications.hdsActivities': labels.HDS_ACTIVITY_LABELS,
  'ai.modelOrigin': labels.MODEL_ORIGIN_LABELS,
  'ai.modelLicence': labels.MODEL_LICENCE_LABELS,
  'ai.inferenceHosting': labels.INFERENCE_HOSTING_LABELS,
  'ai.trainingOnCustomerData': labels.TRAINING_ON_CUSTOMER_DATA_LABELS,
  'ai.aiActRole': labels.AI_ACT_ROLE_LABELS,
  'ai.aiActRiskClass': labels.AI_ACT_RISK_CLASS_LABELS,
  'gdpr.nonEuTransfers': labels.NON_EU_TRANSFERS_LABELS,
};

/** The French wording of a profile field's value (`'certifications.secNumCloud'`, `'OFFERING'` → "Offre qualifiée SecNumCloud"). */
export function profileValueLabel(field: string, value: unknown): string {
  if (value === true) return 'Oui';
  if (value === false) return 'Non';
  if (value === null || value === undefined || value === '') return 'Non précisé';
  if (Array.isArray(value)) return value.length ? value.map((v) => profileValueLabel(field, v)).join(', ') : 'Aucun';
  return FIELD_LABELS[field]?.[String(value)] ?? String(value);
}

/** "A – très souverain". */
export function gradeName(grade: SovereigntyGrade): string {
  return `${grade} – ${labels.SOVEREIGNTY_GRADE_MEANINGS[grade]}`;
}

/** The score range of a grade, from the thresholds: "80 à 100 points sur 100", "moins de 20 points sur 100". */
export function gradeRange(grade: SovereigntyGrade): string {
  const index = SOVEREIGNTY_GRADES.indexOf(grade);
  const max = index === 0 ? 100 : GRADE_MIN_SCORES[SOVEREIGNTY_GRADES[index - 1]] - 1;
  const min = GRADE_MIN_SCORES[grade];
  return min === 0 ? `moins de ${max + 1} points sur 100` : `${min} à ${max} points sur 100`;
}

/** The help text of a grade badge and a legend line: "B – plutôt souverain : 60 à 79 points sur 100". */
export function gradeHelp(grade: SovereigntyGrade): string {
  return `${gradeName(grade)} : ${gradeRange(grade)}`;
}

/** "vérifié par l’équipe" or "déclaré, non vérifié". */
export function gradeCheckLabel(verified: boolean): string {
  return labels.GRADE_CHECK_LABELS[verified ? 'verified' : 'declared'];
}
