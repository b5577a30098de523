import {
  DeclineIntroductionDto,
  IntroductionOutcomeDto,
  IntroductionTransitionDto,
} from '../../introductions/dto/introduction-input.dto.js';
import { DECLINE_REASONS } from '../../introductions/introduction-lifecycle.js';
import { DECLINE_REASON_LABELS } from '../../introductions/introduction.labels.js';
import { asForm, integer, parseWith, text, type Parsed } from '../shared/form-input.js';

/* A party's answers to an introduction: accept or record a meeting (a version), decline (a reason), conclude (an outcome). */

export const DECLINE_LABELS: Readonly<Record<string, string>> = { reason: 'Raison', comment: 'Commentaire', version: 'Version' };

/** The decline form's choices; "other" asks for the comment the DTO then requires. */
export const declineReasonOptions = () =>
  DECLINE_REASONS.map((code) => ({
    code,
    label: code === 'other' ? `${DECLINE_REASON_LABELS.other} (précisez-la)` : DECLINE_REASON_LABELS[code],
  }));

export const parseAnswer = (body: unknown): Promise<Parsed<IntroductionTransitionDto>> =>
  parseWith(IntroductionTransitionDto, { version: integer(asForm(body), 'version') }, {});

export function parseDecline(body: unknown): Promise<Parsed<DeclineIntroductionDto>> {
  const form = asForm(body);
  const values = { reason: text(form, 'reason'), comment: text(form, 'comment') };
  const plain = { reason: values.reason ?? '', comment: values.comment, version: integer(form, 'version') };
  return parseWith(DeclineIntroductionDto, plain, values, (errors) => {
    // An empty choice or comment is asked for, rather than reported as an invalid value.
    if (errors.reason && !values.reason) errors.reason = ['Choisissez une raison.'];
    if (errors.comment && !values.comment) errors.comment = ['Précisez la raison en quelques mots.'];
    return errors;
  });
}

export function parseOutcome(body: unknown): Promise<Parsed<IntroductionOutcomeDto>> {
  const form = asForm(body);
  return parseWith(IntroductionOutcomeDto, { outcome: text(form, 'outcome') ?? '', version: integer(form, 'version') }, {});
}
