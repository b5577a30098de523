/** A curator's verdict on one pair (need, offering) the ranking showed, and the reasons each verdict offers (issue 26). */
export const VERDICTS = ['relevant', 'not_relevant'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** "other" belongs to both lists and asks for a comment. */
export const REASONS_BY_VERDICT = {
  relevant: ['exact_fit', 'partial_fit', 'other'],
  not_relevant: ['off_topic', 'too_generic', 'out_of_reach', 'requirement_unmet', 'other'],
} as const satisfies Record<Verdict, readonly string[]>;

export type JudgmentReason = (typeof REASONS_BY_VERDICT)[Verdict][number];

export const JUDGMENT_REASONS: readonly JudgmentReason[] = [...new Set<JudgmentReason>(Object.values(REASONS_BY_VERDICT).flat())];

export const COMMENT_MAX_LENGTH = 500;

/** True when `reason` is one the verdict offers (false for an unknown verdict or reason). */
export function reasonFitsVerdict(verdict: unknown, reason: unknown): boolean {
  if (!VERDICTS.includes(verdict as Verdict)) return false;
  return (REASONS_BY_VERDICT[verdict as Verdict] as readonly string[]).includes(reason as string);
}

/**
 * Grades of the judged set (test/relevance/README.md) an export gives a pair: "pertinent" is a good
 * fit (2), "pas pertinent" is not relevant (0); curators who disagree give 1, flagged in the rationale.
 */
export const EXPORT_GRADES = { relevant: 2, not_relevant: 0, split: 1 } as const;
