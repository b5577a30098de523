import { VerificationMessageDto } from '../../vendors/dto/vendor-verification.dto.js';
import { asForm, checkbox, parseWith, text, type Parsed } from '../shared/form-input.js';

/* The verification forms: the curator's confirm / refuse / ask, and the vendor's answer. */

export const VENDOR_DECISION_LABELS: Readonly<Record<string, string>> = {
  confirm: 'Confirmation',
  reason: 'Motif du refus',
  question: 'Question au fournisseur',
  answer: 'Votre réponse',
};

export const CONFIRM_MESSAGE = 'Cochez la case pour confirmer que vous avez fait ces vérifications.';

/** The confirm step: the curator ticks that the checks were made; errors keyed as the form's fields. */
export function parseConfirm(body: unknown): { errors: Record<string, string[]> | null } {
  return { errors: checkbox(asForm(body), 'confirm') ? null : { confirm: [CONFIRM_MESSAGE] } };
}

/** A reason, question or answer typed in the field `field`, validated by the API's DTO. */
export async function parseVerificationText(
  body: unknown,
  field: 'reason' | 'question' | 'answer',
): Promise<Parsed<VerificationMessageDto>> {
  const typed = text(asForm(body), field);
  return parseWith(VerificationMessageDto, { message: typed }, { [field]: typed }, (errors) => ({
    [field]: Object.values(errors).flat(),
  }));
}
