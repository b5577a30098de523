import { asForm, text } from '../shared/form-input.js';
import { REQUIRED_MESSAGE } from '../shared/french-messages.js';
import { safeReturnPath } from '../shared/return-path.js';

/* The sign-in form: e-mail, password and the console page to return to. */

export interface Credentials {
  email: string;
  password: string;
}

export const LOGIN_LABELS: Readonly<Record<string, string>> = { email: 'Adresse e-mail', password: 'Mot de passe' };

export type ParsedLogin = { credentials: Credentials | null; email: string; retour: string; errors: Record<string, string[]> };

/** Credentials when both are given within bounds; otherwise each missing or too long field's error. */
export function parseLogin(body: unknown): ParsedLogin {
  const form = asForm(body);
  const email = text(form, 'email') ?? '';
  const password = typeof form.password === 'string' ? form.password : '';
  const retour = safeReturnPath(text(form, 'retour'));
  const errors: Record<string, string[]> = {};
  if (!email) errors.email = [REQUIRED_MESSAGE];
  else if (email.length > 254) errors.email = ['Saisissez au plus 254 caractères.'];
  if (!password) errors.password = [REQUIRED_MESSAGE];
  else if (password.length > 128) errors.password = ['Saisissez au plus 128 caractères.'];
  const complete = Object.keys(errors).length === 0;
  return { credentials: complete ? { email, password } : null, email, retour, errors };
}
