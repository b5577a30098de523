import { RegisterDto } from '../../auth/dto/auth.dto.js';
import { passwordProblems } from '../../credentials/password-rules.js';
import { BUYER_TYPES } from '../../reference/organisation-kinds.js';
import { asForm, checkbox, communeCode, parseWith, text, type Parsed } from '../shared/form-input.js';
import { passwordMessage, REQUIRED_MESSAGE } from '../shared/french-messages.js';
import { BUYER_TYPE_LABELS } from '../shared/organisation.labels.js';

/* The sign-up form: a new account and its organisation, read as RegisterDto. */

export type RegisterRole = 'vendor' | 'buyer';

/** The fields in the order the form shows them: the error summary lists them in that order too. */
export const REGISTER_LABELS: Readonly<Record<string, string>> = {
  displayName: 'Nom et prénom',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  phone: 'Téléphone',
  'organisation.name': "Nom de l'organisation",
  'organisation.siren': 'SIREN',
  'organisation.nafCode': 'Code NAF (APE)',
  'organisation.communeCode': 'Commune du siège',
  'organisation.buyerType': "Type d'organisation",
  'organisation.website': 'Site web',
  acceptTerms: 'Conditions et données personnelles',
};

/** Maximum lengths the form shows with a counter (the DTOs' limits). */
export const REGISTER_MAX_LENGTHS = { displayName: 120, email: 254, password: 128, 'organisation.name': 200 } as const;

export const buyerTypeOptions = () => BUYER_TYPES.map((code) => ({ code, label: BUYER_TYPE_LABELS[code] }));

/** The role a sign-up link asks for (`?profil=fournisseur`), or null to let the visitor choose. */
export const roleOfProfile = (profil: string | undefined): RegisterRole | null =>
  profil === 'fournisseur' ? 'vendor' : profil === 'acheteur' ? 'buyer' : null;

/**
 * The form as RegisterDto; what is shown again never includes the password. Every problem is
 * found in one pass — the DTO's rules, the password rules and the buyer's type, which the service
 * checks only after the DTO — so a person corrects everything at once instead of in three tries.
 */
export async function parseRegister(body: unknown): Promise<Parsed<RegisterDto> & { role: RegisterRole }> {
  const form = asForm(body);
  const role: RegisterRole = text(form, 'role') === 'vendor' ? 'vendor' : 'buyer';
  const values: Record<string, unknown> = { ...form, password: undefined, _csrf: undefined };
  const email = text(form, 'email');
  const password = typeof form.password === 'string' && form.password !== '' ? form.password : undefined;
  const plain = {
    role,
    displayName: text(form, 'displayName'),
    email,
    password,
    phone: text(form, 'phone'),
    acceptTerms: checkbox(form, 'acceptTerms'),
    organisation: {
      name: text(form, 'organisation.name'),
      siren: text(form, 'organisation.siren')?.replace(/\s/g, ''),
      nafCode: text(form, 'organisation.nafCode')?.toUpperCase(),
      communeCode: communeCode(form, 'organisation.communeCode'),
      buyerType: role === 'buyer' ? text(form, 'organisation.buyerType') : undefined,
      website: text(form, 'organisation.website'),
    },
  };
  const parsed = await parseWith(RegisterDto, plain, values);
  const extra: Record<string, string[]> = {};
  if (password && !parsed.errors?.password) {
    const problems = passwordProblems(password, email).map((m) => passwordMessage(m) ?? m);
    if (problems.length) extra.password = problems;
  }
  if (role === 'buyer' && !plain.organisation.buyerType) extra['organisation.buyerType'] = [REQUIRED_MESSAGE];
  if (!parsed.errors && Object.keys(extra).length === 0) return { ...parsed, role };
  return { values, errors: inFormOrder({ ...parsed.errors, ...extra }), role };
}

function inFormOrder(errors: Record<string, string[]>): Record<string, string[]> {
  const order = Object.keys(REGISTER_LABELS);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}
