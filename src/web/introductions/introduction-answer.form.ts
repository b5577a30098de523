import {
  DeclineIntroductionDto,
  IntroductionOutcomeDto,
  IntroductionTransitionDto,
} from '../../introductions/dto/introduction-input.dto.js';
import { DECLINE_REASONS } from '../../introductions/introduction-lifecycle.js';
import { DECLINE_REASON_LABELS } from '../../introductions/introduction.labels.js';
import {
  DEAL_VALUE_BAND_KEYS,
  DEAL_VALUE_BANDS,
  LOST_REASONS,
  LOST_REASON_LABELS,
  outcomeProblems,
} from '../../introductions/deal-outcome.js';
import { asForm, checkbox, integer, parseWith, text, type Parsed } from '../shared/form-input.js';

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

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  outcome: 'Issue',
  valueBand: 'Montant du contrat',
  amountEur: 'Montant exact',
  startDate: 'Date de début',
  lostReason: 'Raison',
  lostComment: 'Commentaire',
  version: 'Version',
};

export const valueBandOptions = () => DEAL_VALUE_BAND_KEYS.map((code) => ({ code, label: DEAL_VALUE_BANDS[code].label }));
export const lostReasonOptions = () => LOST_REASONS.map((code) => ({ code, label: LOST_REASON_LABELS[code] }));

/** The French words for the rules a party's outcome must meet (deal-outcome.ts). */
const OUTCOME_PROBLEMS: Readonly<Record<string, string>> = {
  valueBand: 'Indiquez la tranche de montant (ou le montant exact).',
  startDate: 'Indiquez la date de début du contrat.',
  amountEur: "Le montant exact n'est pas dans la tranche choisie.",
  lostReason: 'Choisissez une raison.',
  lostComment: 'Précisez la raison en quelques mots.',
};

/**
 * A party concluding: the deal's value and start when won, the reason when lost. The fields of the
 * other outcome are on the page too; only those of the chosen one are read. A curator's board
 * records an outcome heard second-hand: `byParty` false leaves the figures optional.
 */
export async function parseOutcome(body: unknown, byParty = true): Promise<Parsed<IntroductionOutcomeDto>> {
  const form = asForm(body);
  const outcome = text(form, 'outcome');
  const values = {
    outcome,
    valueBand: text(form, 'valueBand'),
    amountEur: text(form, 'amountEur'),
    startDate: text(form, 'startDate'),
    public: checkbox(form, 'public'),
    lostReason: text(form, 'lostReason'),
    lostComment: text(form, 'lostComment'),
  };
  const details =
    outcome === 'won'
      ? { valueBand: values.valueBand, amountEur: integer(form, 'amountEur'), startDate: values.startDate, public: values.public }
      : outcome === 'lost'
        ? { lostReason: values.lostReason, lostComment: values.lostComment }
        : {};
  const parsed = await parseWith(
    IntroductionOutcomeDto,
    { outcome: outcome ?? '', version: integer(form, 'version'), ...details },
    values,
    (errors) => {
      if (errors.outcome && !outcome) errors.outcome = ["Choisissez l'issue."];
      return errors;
    },
  );
  if (!parsed.dto) return parsed;
  const problems = outcomeProblems(parsed.dto, byParty);
  if (problems.length === 0) return parsed;
  return { values, errors: Object.fromEntries(problems.map((p) => [p.field, [OUTCOME_PROBLEMS[p.field] ?? p.messages.join(' ')]])) };
}
