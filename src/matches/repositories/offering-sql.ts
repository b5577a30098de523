import { confirmedSiteCommunes } from '../../organisations/establishment-sql.js';
import { requirementsSql } from '../../sovereignty/requirement-sql.js';
import type { RetrievalNeed } from './offering-rows.js';

/*
 * The SQL both offering repositories assemble: `offering o JOIN organisation org` for the live rows,
 * the projection `offering_match o` (decision 012) for the bounded pre-rank. Plain strings, no ORM.
 */

/** The vendor's head office and the communes of its establishments a curator confirmed (alias `org`, decision 022). */
export const VENDOR_SITES = `org.commune_code AS "vendorCommuneCode", ${confirmedSiteCommunes('org')} AS "vendorEstablishmentCommunes"`;

/** The offering's columns ranking reads, the same on `offering` and on the projection `offering_match` (alias `o`). */
export const OFFERING_SCORING_COLUMNS = `
  o.use_cases AS "useCases", o.sectors,
  o.service_national AS "serviceNational", o.service_regions AS "serviceRegions",
  o.service_departements AS "serviceDepartements", o.remote_delivery AS "remoteDelivery",
  o.min_budget_eur AS "minBudgetEur", o.max_budget_eur AS "maxBudgetEur", o.target_buyer_types AS "targetBuyerTypes",
  o.sovereignty_score AS "sovereigntyScore", o.sovereignty_grade AS "sovereigntyGrade", o.grade_verified AS "gradeVerified"`;

/** A `CandidateRow`: display and every eligibility column, from `offering o JOIN organisation org`. */
export const CANDIDATE_COLUMNS = `
  o.id, o.title, o.summary, o.status, ${OFFERING_SCORING_COLUMNS},
  o.data_residency AS "dataResidency", o.provider_jurisdiction AS "providerJurisdiction", o.hq_jurisdiction AS "hqJurisdiction",
  o.non_eu_remote_access AS "nonEuRemoteAccess", o.sec_num_cloud AS "secNumCloud", o.hds, o.iso27001,
  o.model_origin AS "modelOrigin", o.model_licence AS "modelLicence", o.inference_hosting AS "inferenceHosting",
  o.training_on_customer_data AS "trainingOnCustomerData", o.dpa_art28 AS "dpaArt28", o.non_eu_transfers AS "nonEuTransfers",
  o.extraterritorial_exposure AS "extraterritorialExposure", o.non_eu_control AS "nonEuControl",
  o.deployment_modes AS "deploymentModes", o.ai_act_risk_class AS "aiActRiskClass", o.data_export_open_format AS "dataExportOpenFormat",
  org.id AS "vendorId", org.name AS "vendorName", (org.verified_at IS NOT NULL) AS "vendorVerified",
  ${VENDOR_SITES}`;

/** A `ScoringRow` from `offering o JOIN organisation org`. */
export const SCORING_COLUMNS = `o.id, ${OFFERING_SCORING_COLUMNS},
  ${VENDOR_SITES}`;

/** A `ScoringRow` from the matching projection `offering_match o`, which folds the vendor's sites in (decision 012). */
export const PROJECTED_SCORING_COLUMNS = `o.offering_id AS id, ${OFFERING_SCORING_COLUMNS},
  o.vendor_commune_code AS "vendorCommuneCode", o.vendor_establishment_communes AS "vendorEstablishmentCommunes"`;

/** Collects positional parameters while a query is assembled. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * DESIGN §5.1 in SQL: published offerings of verified vendors meeting every hard requirement,
 * the minimum grade, the service area, a firm budget and the need's reach. The same rules
 * `exclusions()` and `outOfReach()` re-check.
 */
export function eligibleWhere(need: RetrievalNeed, p: Params, on: 'offering' | 'projection' = 'offering'): string[] {
  // The projection holds only published offerings of verified vendors.
  const where = on === 'offering' ? ["o.status = 'published'", 'org.verified_at IS NOT NULL'] : [];
  where.push(requirementsSql(need.requirements));
  if (need.minGrade) where.push(`o.sovereignty_grade <= ${p.add(need.minGrade)}`);
  const area = [
    'o.service_national',
    `o.service_departements @> ARRAY[${p.add(need.departementCode ?? '')}]::text[]`,
    `o.service_regions @> ARRAY[${p.add(need.regionCode ?? '')}]::text[]`,
  ];
  if (need.acceptsRemote) area.push('o.remote_delivery');
  where.push(`(${area.join(' OR ')})`);
  if (need.budgetFirm && need.budgetMaxEur !== null)
    where.push(`(o.min_budget_eur IS NULL OR o.min_budget_eur <= ${p.add(need.budgetMaxEur)})`);
  if (need.budgetFirm && need.budgetMinEur !== null)
    where.push(`(o.max_budget_eur IS NULL OR o.max_budget_eur >= ${p.add(need.budgetMinEur)})`);
  if (need.reachDepartements !== null) where.push(reachWhere(need.reachDepartements, p, on));
  return where;
}

/**
 * The need's reach (issue 26): the vendor's head office or a confirmed establishment in one of the
 * départements, read from the matching projection's `vendor_departements` (decision 012).
 */
export function reachWhere(departements: readonly string[], p: Params, on: 'offering' | 'projection' = 'offering'): string {
  const overlap = `vendor_departements && ${p.add(departements)}::text[]`;
  return on === 'projection' ? `o.${overlap}` : `EXISTS (SELECT 1 FROM offering_match m WHERE m.offering_id = o.id AND m.${overlap})`;
}
