import { asForm, text } from '../shared/form-input.js';
import { safeReturnPath } from '../shared/return-path.js';

/* The sign-in form: e-mail, password and the console page to return to. */

export interface Credentials {
  email: string;
  password: string;
}

export type ParsedLogin = { credentials: Credentials | null; email: string; retour: string };

/** Credentials when both are given within bounds, null otherwise (the page asks for both again). */
export function parseLogin(body: unknown): ParsedLogin {
  const form = asForm(body);
  const email = text(form, 'email') ?? '';
  const password = typeof form.password === 'string' ? form.password : '';
  const retour = safeReturnPath(text(form, 'retour'));
  const complete = email && password && email.length <= 254 && password.length <= 128;
  return { credentials: complete ? { email, password } : null, email, retour };
}
