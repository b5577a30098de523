import { JudgmentInputDto } from '../../judgments/dto/judgment-input.dto.js';
import { JUDGMENT_REASON_LABELS, VERDICT_LABELS } from '../../judgments/judgment.labels.js';
import { REASONS_BY_VERDICT, VERDICTS, type Verdict } from '../../judgments/judgment-vocabulary.js';
import { asForm, parseWith, text, type Parsed } from '../shared/form-input.js';

/*
 * A curator's "pertinent / pas pertinent" mark on one offering of a need's file. A page holds one
 * such form per offering, so its fields are named `avis-<offeringId>-<field>` in errors and ids.
 */

export const judgmentField = (offeringId: string, field: string): string => `avis-${offeringId}-${field}`;

/** Labels of the page's error summary for one offering's mark. */
export const judgmentLabels = (offeringId: string): Record<string, string> => ({
  [judgmentField(offeringId, 'verdict')]: 'Votre avis',
  [judgmentField(offeringId, 'reason')]: 'Raison de votre avis',
  [judgmentField(offeringId, 'comment')]: 'Commentaire de votre avis',
});

/** The choices the form offers, in the curators' words: each verdict, and the reasons grouped by verdict. */
export const JUDGMENT_CHOICES = {
  verdicts: VERDICTS.map((code) => ({ code, label: VERDICT_LABELS[code] })),
  reasonGroups: VERDICTS.map((verdict: Verdict) => ({
    label: `Si ${VERDICT_LABELS[verdict].toLowerCase()}`,
    options: REASONS_BY_VERDICT[verdict].map((code) => ({
      code,
      label: code === 'other' ? `${JUDGMENT_REASON_LABELS.other} (précisez-la)` : JUDGMENT_REASON_LABELS[code],
    })),
  })),
  verdictLabels: VERDICT_LABELS,
  reasonLabels: JUDGMENT_REASON_LABELS,
};

export function parseJudgment(offeringId: string, body: unknown): Promise<Parsed<JudgmentInputDto>> {
  const form = asForm(body);
  const values = { verdict: text(form, 'verdict'), reason: text(form, 'reason'), comment: text(form, 'comment') };
  const plain = { verdict: values.verdict ?? '', reason: values.reason ?? '', comment: values.comment };
  return parseWith(JudgmentInputDto, plain, values, (errors) => {
    // A choice left empty is asked for, rather than reported as an invalid value.
    if (errors.verdict && !values.verdict) errors.verdict = ['Dites si l’offre est pertinente pour ce besoin.'];
    if (errors.reason && !values.reason) errors.reason = ['Choisissez une raison.'];
    if (errors.comment && !values.comment) errors.comment = ['Précisez la raison en quelques mots.'];
    return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [judgmentField(offeringId, field), messages]));
  });
}
