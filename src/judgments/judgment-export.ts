import type { ExportedJudgmentDto, JudgmentsExportDto } from './dto/judgments-export.dto.js';
import type { JudgmentRecord } from './judgment-record.js';
import { JUDGMENT_REASON_LABELS, VERDICT_LABELS } from './judgment.labels.js';
import { EXPORT_GRADES } from './judgment-vocabulary.js';

const ABOUT =
  "Curators' marks exported from Circuit IA (issue 26): needs.<needId>.<offeringId> = { grade, why }, as in test/relevance/judgments.json. " +
  'Keys are platform ids, not corpus keys: refs names each need and offering; test/relevance/README.md says how to add them to the set.';

const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('fr') + text.slice(1);

/** One mark in words: « Pas pertinent (trop générique) : « commentaire » — Camille Martin, 2026-12-05 ». */
export function markRationale(mark: Pick<JudgmentRecord, 'verdict' | 'reason' | 'comment' | 'curatorName' | 'updatedAt'>): string {
  const comment = mark.comment ? ` : « ${mark.comment} »` : '';
  const author = mark.curatorName ?? 'compte supprimé';
  return `${VERDICT_LABELS[mark.verdict]} (${lowerFirst(JUDGMENT_REASON_LABELS[mark.reason])})${comment} — ${author}, ${mark.updatedAt.toISOString().slice(0, 10)}`;
}

/** The grade of a pair from its curators' current marks: the majority, 1 when they are as many on each side. */
export function pairJudgment(marks: readonly JudgmentRecord[]): ExportedJudgmentDto {
  const relevant = marks.filter((m) => m.verdict === 'relevant').length;
  const notRelevant = marks.length - relevant;
  const grade = relevant > notRelevant ? EXPORT_GRADES.relevant : relevant < notRelevant ? EXPORT_GRADES.not_relevant : EXPORT_GRADES.split;
  const why = marks.map(markRationale).join(' ; ');
  return { grade, why: grade === EXPORT_GRADES.split ? `Avis partagés — ${why}` : why };
}

/** Every mark, grouped by need then offering in the order given (the repository sorts them). */
export function exportJudgments(records: readonly JudgmentRecord[], exportedAt: Date): JudgmentsExportDto {
  const byPair = new Map<string, Map<string, JudgmentRecord[]>>();
  const refs: JudgmentsExportDto['refs'] = { needs: {}, offerings: {} };
  for (const r of records) {
    const offerings = byPair.get(r.needId) ?? byPair.set(r.needId, new Map()).get(r.needId)!;
    offerings.set(r.offeringId, [...(offerings.get(r.offeringId) ?? []), r]);
    refs.needs[r.needId] = { title: r.needTitle, buyer: r.buyerName };
    refs.offerings[r.offeringId] = { title: r.offeringTitle, vendor: r.vendorName };
  }
  const needs: JudgmentsExportDto['needs'] = {};
  for (const [needId, offerings] of byPair) {
    needs[needId] = Object.fromEntries([...offerings].map(([offeringId, marks]) => [offeringId, pairJudgment(marks)]));
  }
  return { _about: ABOUT, exportedAt: exportedAt.toISOString(), grades: { ...EXPORT_GRADES }, needs, refs };
}
