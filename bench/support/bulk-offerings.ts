import type { DataSource } from 'typeorm';
import { sovereigntyColumns, type SovereigntyProfile } from '../../src/offerings/sovereignty-profile.js';
import { scoreSovereignty } from '../../src/sovereignty/sovereignty-score.js';

/** One generated offering, in the offering table's own column names (snake case). */
export interface OfferingRow {
  vendor_id: string;
  status: 'published' | 'draft';
  title: string;
  summary: string;
  description: string;
  use_cases: string[];
  sectors: string[];
  service_national: boolean;
  service_regions: string[];
  service_departements: string[];
  remote_delivery: boolean;
  min_budget_eur: number | null;
  max_budget_eur: number | null;
  target_buyer_types: string[];
  [sovereigntyColumn: string]: unknown;
}

/** The sovereignty profile and the columns derived from it (as the offerings service writes them), with its score. */
export function sovereigntyRowColumns(profile: SovereigntyProfile): Record<string, unknown> {
  const score = scoreSovereignty(profile);
  return {
    sovereignty: profile,
    ...Object.fromEntries(
      Object.entries(sovereigntyColumns(profile)).map(([key, v]) => [key.replace(/[A-Z0-9]+/g, (m) => `_${m.toLowerCase()}`), v]),
    ),
    sovereignty_score: score.total,
    sovereignty_grade: score.grade,
  };
}

/**
 * Inserts generated offerings in one statement (the benchmark seeds 50,000 of them; the services'
 * one-by-one path would take minutes). Published ones get `published_at = now()`. Returns their ids in order.
 */
export async function insertOfferingRows(ds: DataSource, rows: OfferingRow[]): Promise<string[]> {
  const inserted = (await ds.query(
    `INSERT INTO offering (vendor_id, status, title, summary, description, use_cases, sectors, service_national, service_regions,
       service_departements, remote_delivery, pricing_model, min_budget_eur, max_budget_eur, target_buyer_types, sovereignty,
       data_residency, provider_jurisdiction, hq_jurisdiction, non_eu_remote_access, sec_num_cloud, hds, iso27001, model_origin,
       model_licence, inference_hosting, training_on_customer_data, dpa_art28, non_eu_transfers, extraterritorial_exposure,
       non_eu_control, deployment_modes, ai_act_risk_class, data_export_open_format, sovereignty_score, sovereignty_grade, published_at)
     SELECT x.vendor_id, x.status, x.title, x.summary, x.description, x.use_cases, x.sectors, x.service_national, x.service_regions,
       x.service_departements, x.remote_delivery, 'project', x.min_budget_eur, x.max_budget_eur, x.target_buyer_types, x.sovereignty,
       x.data_residency, x.provider_jurisdiction, x.hq_jurisdiction, x.non_eu_remote_access, x.sec_num_cloud, x.hds, x.iso_27001, x.model_origin,
       x.model_licence, x.inference_hosting, x.training_on_customer_data, x.dpa_art_28, x.non_eu_transfers, x.extraterritorial_exposure,
       x.non_eu_control, x.deployment_modes, x.ai_act_risk_class, x.data_export_open_format, x.sovereignty_score, x.sovereignty_grade,
       CASE WHEN x.status = 'published' THEN now() END
     FROM jsonb_to_recordset($1::jsonb) AS x(vendor_id uuid, status text, title text, summary text, description text, use_cases text[], sectors text[],
       service_national boolean, service_regions text[], service_departements text[], remote_delivery boolean, min_budget_eur int,
       max_budget_eur int, target_buyer_types text[], sovereignty jsonb, data_residency text, provider_jurisdiction text, hq_jurisdiction text,
       non_eu_remote_access boolean, sec_num_cloud text, hds boolean, iso_27001 boolean, model_origin text, model_licence text,
       inference_hosting text, training_on_customer_data text, dpa_art_28 boolean, non_eu_transfers text, extraterritorial_exposure text,
       non_eu_control text, deployment_modes text[], ai_act_risk_class text, data_export_open_format boolean, sovereignty_score int,
       sovereignty_grade text)
     RETURNING id`,
    [JSON.stringify(rows)],
  )) as { id: string }[];
  return inserted.map((r) => r.id);
}
