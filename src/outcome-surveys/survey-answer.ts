/** The survey's closed answers (decision 033): did what was declared hold, in French for the form. */
export const AS_DECLARED = ['yes', 'partly', 'no', 'unknown'] as const;
export type AsDeclared = (typeof AS_DECLARED)[number];

export const AS_DECLARED_LABELS: Readonly<Record<AsDeclared, string>> = {
  yes: 'Oui, comme déclaré',
  partly: 'En partie',
  no: 'Non',
  unknown: 'Je ne sais pas',
};

export const SATISFACTION_LABELS: Readonly<Record<number, string>> = {
  1: 'Pas du tout satisfait',
  2: 'Peu satisfait',
  3: 'Moyennement satisfait',
  4: 'Satisfait',
  5: 'Très satisfait',
};

/** A survey is sent this long after the win, and not at all once the window has passed (old deals when the feature landed). */
export const SURVEY_DELAY_MONTHS = 3;
export const SURVEY_WINDOW_DAYS = 30;
