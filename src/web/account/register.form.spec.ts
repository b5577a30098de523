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
  acceptTerms: 'true',
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

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['an empty e-mail as required, not as too long', { email: '' }, { email: ['Ce champ est obligatoire.'] }],
    ['an empty commune as required', { 'organisation.communeCode': '' }, { 'organisation.communeCode': ['Ce champ est obligatoire.'] }],
    [
      'a SIREN that does not exist in plain words',
      { 'organisation.siren': '123456789' },
      { 'organisation.siren': ["Ce numéro SIREN n'existe pas : vérifiez les 9 chiffres."] },
    ],
    ['a missing consent', { acceptTerms: undefined }, { acceptTerms: [expect.stringContaining('Cochez cette case')] }],
    [
      'the SIREN, the password and the buyer type in one pass',
      { 'organisation.siren': '123456789', password: 'short', 'organisation.buyerType': '' },
      {
        password: ['Choisissez un mot de passe de 12 caractères au moins ; une phrase facile à retenir convient très bien.'],
        'organisation.siren': ["Ce numéro SIREN n'existe pas : vérifiez les 9 chiffres."],
        'organisation.buyerType': ['Ce champ est obligatoire.'],
      },
    ],
    [
      'a password containing the e-mail',
      { password: 'camille-et-son-chat' },
      { password: ['Ne reprenez pas votre adresse e-mail dans le mot de passe.'] },
    ],
  ])('reports %s', async (_case, changes, errors) => {
    const parsed = await parseRegister({ ...body, ...changes });
    expect(parsed.dto).toBeUndefined();
    expect(parsed.errors).toEqual(errors);
  });

  it('lists the errors in the order of the form', async () => {
    const parsed = await parseRegister({ role: 'buyer' });
    expect(Object.keys(parsed.errors ?? {})).toEqual([
      'displayName',
      'email',
      'password',
      'organisation.name',
      'organisation.siren',
      'organisation.nafCode',
      'organisation.communeCode',
      'organisation.buyerType',
      'acceptTerms',
    ]);
  });

  it('never shows the password or the CSRF token again', async () => {
    const parsed = await parseRegister({ ...body, email: 'pas une adresse' });
    expect(parsed.errors?.email).toBeDefined();
    expect(parsed.values.password).toBeUndefined();
    expect(parsed.values._csrf).toBeUndefined();
    expect(parsed.values.displayName).toBe('Camille Martin');
  });
});
