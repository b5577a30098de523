import { AnswerLeadDto } from '../../lead-alerts/dto/lead-alert.dto.js';
import { DECLINE_REASON_LABELS, DECLINE_REASONS } from '../../lead-alerts/lead-vocabulary.js';
import { asForm, parseWith, text, type Parsed } from '../shared/form-input.js';

/* A vendor's answer to a lead from its page: « intéressé » (a note) or « pas intéressé » (a reason). */

export const declineReasonChoices = () => DECLINE_REASONS.map((code) => ({ code, label: DECLINE_REASON_LABELS[code] }));

export function parseLeadAnswer(body: unknown): Promise<Parsed<AnswerLeadDto>> {
  const form = asForm(body);
  const answer = text(form, 'answer') ?? '';
  const values = { answer, message: text(form, 'message'), reason: text(form, 'reason'), comment: text(form, 'comment') };
  const plain = answer === 'interested' ? { answer, message: values.message } : { answer, reason: values.reason, comment: values.comment };
  return parseWith(AnswerLeadDto, plain, values, (errors) => errors).then((parsed) => {
    // The service's rules, asked in words before it is called: a reason, and a comment for "autre".
    if (!parsed.dto || answer !== 'not_interested') return parsed;
    const errors: Record<string, string[]> = {};
    if (!values.reason) errors.reason = ['Choisissez une raison : elle aide l’équipe à mieux cibler les prochaines pistes.'];
    if (values.reason === 'other' && !values.comment) errors.comment = ['Précisez la raison en quelques mots.'];
    return Object.keys(errors).length ? { values, errors } : parsed;
  });
}
