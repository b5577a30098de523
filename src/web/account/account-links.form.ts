import { asForm, text } from '../shared/form-input.js';
import { passwordMessage, REQUIRED_MESSAGE } from '../shared/french-messages.js';
import { passwordProblems } from '../../credentials/password-rules.js';

/* The forgotten-password and new-password forms (issue 23). */

export const ACCOUNT_LINK_LABELS: Readonly<Record<string, string>> = {
  email: 'Adresse e-mail',
  password: 'Nouveau mot de passe',
  confirmation: 'Confirmation',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The link's token as the e-mail carries it. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const isLinkToken = (value: string | undefined): value is string => value !== undefined && TOKEN.test(value);

export function parseForgot(body: unknown): { email?: string; values: Record<string, unknown>; errors: Record<string, string[]> } {
  const email = text(asForm(body), 'email');
  if (!email) return { values: {}, errors: { email: [REQUIRED_MESSAGE] } };
  if (email.length > 254 || !EMAIL.test(email)) {
    return { values: { email }, errors: { email: ['Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.'] } };
  }
  return { email, values: { email }, errors: {} };
}

/** The new password typed twice; the rules are the API's, in French, all at once. */
export function parseNewPassword(body: unknown): { token?: string; password?: string; errors: Record<string, string[]> } {
  const form = asForm(body);
  const token = text(form, 'jeton');
  const password = typeof form.password === 'string' ? form.password : '';
  const confirmation = typeof form.confirmation === 'string' ? form.confirmation : '';
  const errors: Record<string, string[]> = {};
  if (!password) errors.password = [REQUIRED_MESSAGE];
  else {
    const problems = passwordProblems(password).map((m) => passwordMessage(m) ?? m);
    if (problems.length) errors.password = problems;
  }
  if (!confirmation) errors.confirmation = [REQUIRED_MESSAGE];
  else if (password && confirmation !== password) errors.confirmation = ['Les deux mots de passe ne sont pas identiques.'];
  return { token: isLinkToken(token) ? token : undefined, password: password || undefined, errors };
}
