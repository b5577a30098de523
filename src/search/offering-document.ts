import type { SovereigntyGrade } from '../sovereignty/sovereignty-score.js';

/**
 * What the catalogue search knows of a published offering. Both backends index exactly this
 * shape; the offerings feature builds it from PostgreSQL (the source of truth).
 */
export interface OfferingDocument {
  id: string;
  /** The offering's version: an older document never overwrites a newer one. */
  version: number;
  title: string;
  summary: string;
  description: string;
  vendorId: string;
  vendorName: string;
  useCases: string[];
  useCaseLabels: string[];
  /** NAF codes the offering declares (divisions and/or sections); empty = cross-sector. */
  sectors: string[];
  sectorLabels: string[];
  /** Serves all of France. */
  national: boolean;
  /** Régions served, by code ("93" = PACA): declared ones and those of declared départements. */
  regions: string[];
  /** Départements served, by code: declared ones and all those of declared régions. */
  departements: string[];
  remoteDelivery: boolean;
  grade: SovereigntyGrade;
  sovereigntyScore: number;
  gradeVerified: boolean;
  /** Where customer data live (hosting facet): FR, EU_EEA, CUSTOMER_PREMISES … */
  dataResidency: string;
  /** The hard requirements (REFERENCE §4.5) this offering meets, for the `requirement=` filter. */
  requirementsMet: string[];
  minBudgetEur: number | null;
  maxBudgetEur: number | null;
  /** ISO timestamp. */
  publishedAt: string;
}

/**
 * Facet counts of the catalogue. `regions` and `departements` count as their filters match: a
 * national offering counts in every région and département (decision 024).
 */
export const FACETS = ['useCases', 'regions', 'departements', 'grade', 'dataResidency'] as const;
export type Facet = (typeof FACETS)[number];
