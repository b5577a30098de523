import type { FlatSovereignty } from '../../sovereignty/flat-profile.js';
import type { HardRequirement } from '../../sovereignty/hard-requirements.js';
import type { SovereigntyGrade } from '../../sovereignty/sovereignty-score.js';

/** What retrieval needs to know of a need: the eligibility rules of DESIGN §5.1 and its use cases. */
export interface RetrievalNeed {
  useCases: readonly string[];
  departementCode: string | null;
  regionCode: string | null;
  acceptsRemote: boolean;
  requirements: readonly HardRequirement[];
  minGrade: SovereigntyGrade | null;
  budgetMinEur: number | null;
  budgetMaxEur: number | null;
  /** Only a firm budget excludes; otherwise it is scored as fit. */
  budgetFirm: boolean;
  /** Départements the vendor must be of (head office or confirmed establishment); null = anywhere. */
  reachDepartements: readonly string[] | null;
}

/** An offering as scoring reads it, with its vendor's public profile and sites. */
export interface CandidateRow extends FlatSovereignty {
  id: string;
  title: string;
  summary: string | null;
  status: string;
  useCases: string[];
  sectors: string[];
  serviceNational: boolean;
  serviceRegions: string[];
  serviceDepartements: string[];
  remoteDelivery: boolean;
  minBudgetEur: number | null;
  maxBudgetEur: number | null;
  targetBuyerTypes: string[];
  sovereigntyScore: number;
  sovereigntyGrade: SovereigntyGrade;
  gradeVerified: boolean;
  vendorId: string;
  vendorName: string;
  vendorVerified: boolean;
  vendorCommuneCode: string;
  /** Commune codes of the vendor's establishments a curator confirmed (decision 022); unconfirmed ones do not count. */
  vendorEstablishmentCommunes: string[];
}

/** The columns ranking reads for every candidate; the rest is fetched for the top ones only. */
export type ScoringRow = Pick<
  CandidateRow,
  | 'id'
  | 'useCases'
  | 'sectors'
  | 'serviceNational'
  | 'serviceRegions'
  | 'serviceDepartements'
  | 'remoteDelivery'
  | 'minBudgetEur'
  | 'maxBudgetEur'
  | 'targetBuyerTypes'
  | 'sovereigntyScore'
  | 'sovereigntyGrade'
  | 'gradeVerified'
  | 'vendorCommuneCode'
  | 'vendorEstablishmentCommunes'
>;

/** A candidate of a bounded retrieval: its id, its pre-rank (Σ weight × score of every criterion but text) and, for the best, its scoring row. */
export interface PrerankedId {
  id: string;
  prerank: number;
  row: ScoringRow | null;
}
