import { CLAIM_KEYS, CLAIMS, type ClaimKey } from '../../sovereignty/sovereignty-claims.js';
import {
  BLOCK_LABELS,
  BLOCK_MAX,
  GRADE_ORDER,
  scoreSovereignty,
  type BlockKey,
  type ScoredProfile,
} from '../../sovereignty/sovereignty-score.js';
import { GRADE_MIN_SCORES, type SovereigntyGrade } from '../../reference/sovereignty/sovereignty.enums.js';
import { PROFILE_FIELDS } from './sovereignty-sections.js';

/*
 * The live grade of the offering form (issue 23): the form's current answers scored by the server's
 * own `scoreSovereignty`, and which single answers would raise the total most, to reach the next
 * grade. Unanswered questions score 0, as they do once saved.
 */

export interface GradeStep {
  /** The question, in the form's words. */
  question: string;
  /** The answer that would earn the points, in the form's words. */
  answer: string;
  gain: number;
}

export interface GradePreview {
  total: number;
  grade: SovereigntyGrade;
  blocks: { label: string; score: number; max: number }[];
  next: { grade: SovereigntyGrade; missing: number; steps: GradeStep[] } | null;
}

const STEPS_SHOWN = 3;

function withAnswer(profile: ScoredProfile, key: ClaimKey, value: string | boolean): ScoredProfile {
  const [section, field] = key.split('.') as [keyof ScoredProfile, string];
  return { ...profile, [section]: { ...profile[section], [field]: value } };
}

/** The answers a question offers: its options, or yes and no. */
function candidates(key: ClaimKey): { value: string | boolean; label: string }[] {
  const field = PROFILE_FIELDS.find((p) => p.name === `sovereignty.${key}`);
  if (!field) return [];
  if (field.kind === 'yesno')
    return [
      { value: true, label: 'Oui' },
      { value: false, label: 'Non' },
    ];
  return (field.options ?? []).map((o) => ({ value: String(o.code), label: o.label }));
}

export function gradePreview(profile: ScoredProfile): GradePreview {
  const score = scoreSovereignty(profile);
  const blocks = (Object.keys(BLOCK_MAX) as BlockKey[]).map((b) => ({ label: BLOCK_LABELS[b], score: score.blocks[b], max: BLOCK_MAX[b] }));
  const nextGrade = GRADE_ORDER[GRADE_ORDER.indexOf(score.grade) + 1];
  if (!nextGrade) return { total: score.total, grade: score.grade, blocks, next: null };
  const steps: GradeStep[] = [];
  for (const key of CLAIM_KEYS) {
    let best: GradeStep | null = null;
    for (const c of candidates(key)) {
      const gain = scoreSovereignty(withAnswer(profile, key, c.value)).total - score.total;
      if (gain > 0 && (!best || gain > best.gain)) best = { question: CLAIMS[key].label, answer: c.label, gain };
    }
    if (best) steps.push(best);
  }
  steps.sort((a, b) => b.gain - a.gain || a.question.localeCompare(b.question, 'fr'));
  return {
    total: score.total,
    grade: score.grade,
    blocks,
    next: { grade: nextGrade, missing: GRADE_MIN_SCORES[nextGrade] - score.total, steps: steps.slice(0, STEPS_SHOWN) },
  };
}
