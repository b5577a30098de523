import { OutcomeSurveyAnswerDto } from '../../outcome-surveys/dto/outcome-survey-answer.dto.js';
import { AS_DECLARED, AS_DECLARED_LABELS, SATISFACTION_LABELS } from '../../outcome-surveys/survey-answer.js';
import { asForm, integer, parseWith, text, type Parsed } from '../shared/form-input.js';

/** The survey page's choices, in the order asked. */
export const surveyChoices = () => ({
  asDeclared: AS_DECLARED.map((code) => ({ code, label: AS_DECLARED_LABELS[code] })),
  satisfaction: [5, 4, 3, 2, 1].map((code) => ({ code: String(code), label: SATISFACTION_LABELS[code] })),
});

const yesNo = (value: string | undefined): boolean | string | undefined => (value === 'yes' ? true : value === 'no' ? false : value);

/** Reads the survey form; a question left unanswered is asked for in plain words. */
export function parseSurvey(body: unknown): Promise<Parsed<OutcomeSurveyAnswerDto>> {
  const form = asForm(body);
  const values = {
    inUse: text(form, 'inUse'),
    asDeclared: text(form, 'asDeclared'),
    satisfaction: text(form, 'satisfaction'),
    wouldRecommend: text(form, 'wouldRecommend'),
    comment: text(form, 'comment'),
  };
  const plain = {
    inUse: yesNo(values.inUse),
    asDeclared: values.asDeclared,
    satisfaction: integer(form, 'satisfaction'),
    wouldRecommend: yesNo(values.wouldRecommend),
    comment: values.comment,
  };
  return parseWith(OutcomeSurveyAnswerDto, plain, values, (errors) => {
    const asked = { ...errors };
    for (const key of ['inUse', 'asDeclared', 'satisfaction', 'wouldRecommend'] as const)
      if (asked[key]) asked[key] = ['Choisissez une réponse.'];
    return asked;
  });
}
