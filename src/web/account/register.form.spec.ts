import { parseRegister, roleOfProfile } from './register.form.js';

const body = {
  role: 'buyer',
  displayName: 'Camille Martin',
  email: 'camille@mairie.example.fr',
  password: 'un mot de passe assez long',
  'organisation.name': 'Mairie de Nice',
  'organisation.siren': '552 100 554',
  'organisation.nafCode': '84.11z',
  'organisation.communeCode': 'Nice (06088)',
  'organisation.buyerType': 'collectivite',
  _csrf: 'token',
};

describe('register form', () => {
  it.each([
    ['fournisseur', 'vendor'],
    ['acheteur', 'buyer'],
    ['autre', null],
    [undefined, null],
  ])('reads the sign-up link profil=%s as %s', (profil, role) => {
    expect(roleOfProfile(profil)).toBe(role);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'a buyer with its type, SIREN without spaces and NAF in capitals',
      {},
      { role: 'buyer', organisation: { siren: '552100554', nafCode: '84.11Z', communeCode: '06088', buyerType: 'collectivite' } },
    ],
    ['a vendor without a buyer type', { role: 'vendor' }, { role: 'vendor', organisation: { buyerType: undefined } }],
    ['any other role as a buyer', { role: 'admin' }, { role: 'buyer' }],
  ])('reads %s', async (_case, extra, expected) => {
    const parsed = await parseRegister({ ...body, ...extra });
    expect(parsed.errors).toBeUndefined();
    expect(parsed.dto).toMatchObject(expected);
  });

  it('never shows the password or the CSRF token again', async () => {
    const parsed = await parseRegister({ ...body, email: 'pas une adresse' });
    expect(parsed.errors?.email).toBeDefined();
    expect(parsed.values.password).toBeUndefined();
    expect(parsed.values._csrf).toBeUndefined();
    expect(parsed.values.displayName).toBe('Camille Martin');
  });
});
