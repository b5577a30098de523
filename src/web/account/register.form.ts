import { RegisterDto } from '../../auth/dto/auth.dto.js';
import { BUYER_TYPES } from '../../reference/organisation-kinds.js';
import { asForm, communeCode, parseWith, text, type Parsed } from '../shared/form-input.js';
import { BUYER_TYPE_LABELS } from '../shared/organisation.labels.js';

/* The sign-up form: a new account and its organisation, read as RegisterDto. */

export type RegisterRole = 'vendor' | 'buyer';

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
};

export const buyerTypeOptions = () => BUYER_TYPES.map((code) => ({ code, label: BUYER_TYPE_LABELS[code] }));

/** The role a sign-up link asks for (`?profil=fournisseur`), or null to let the visitor choose. */
export const roleOfProfile = (profil: string | undefined): RegisterRole | null =>
  profil === 'fournisseur' ? 'vendor' : profil === 'acheteur' ? 'buyer' : null;

/** The form as RegisterDto; what is shown again never includes the password. */
export async function parseRegister(body: unknown): Promise<Parsed<RegisterDto> & { role: RegisterRole }> {
  const form = asForm(body);
  const role: RegisterRole = text(form, 'role') === 'vendor' ? 'vendor' : 'buyer';
  const values: Record<string, unknown> = { ...form, password: undefined, _csrf: undefined };
  const plain = {
    role,
    displayName: text(form, 'displayName'),
    email: text(form, 'email'),
    password: typeof form.password === 'string' ? form.password : undefined,
    phone: text(form, 'phone'),
    organisation: {
      name: text(form, 'organisation.name'),
      siren: text(form, 'organisation.siren')?.replace(/\s/g, ''),
      nafCode: text(form, 'organisation.nafCode')?.toUpperCase(),
      communeCode: communeCode(form, 'organisation.communeCode'),
      buyerType: role === 'buyer' ? text(form, 'organisation.buyerType') : undefined,
      website: text(form, 'organisation.website'),
    },
  };
  return { ...(await parseWith(RegisterDto, plain, values)), role };
}
