import type { JudgmentReason, Verdict } from './judgment-vocabulary.js';

/** A stored mark with the names a person reads it by: the repository's rows, the service's and the export's input. */
export interface JudgmentRecord {
  id: string;
  needId: string;
  needTitle: string;
  buyerName: string;
  offeringId: string;
  offeringTitle: string;
  vendorName: string;
  curatorId: string;
  /** Null once the curator's account is erased. */
  curatorName: string | null;
  verdict: Verdict;
  reason: JudgmentReason;
  comment: string | null;
  rank: number | null;
  scoringVersion: string;
  createdAt: Date;
  updatedAt: Date;
}
