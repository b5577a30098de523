import { parseEmbedNeed } from './embed-need.form.js';

const good = {
  name: 'Boulangerie du Port',
  siren: '552 100 554',
  nafCode: '10.71C',
  communeCode: '06088',
  buyerType: 'tpe',
  contactEmail: 'dirigeante@example.fr',
  title: 'Prévoir les ventes',
  description: '',
  useCase: 'SALES_FORECAST',
};

describe('parseEmbedNeed', () => {
  it('gives the intake DTO for a complete form', () => {
    const result = parseEmbedNeed(good);
    expect('dto' in result && result.dto).toMatchObject({
      company: { siren: '552100554', buyerType: 'tpe' },
      contactEmail: 'dirigeante@example.fr',
      need: { title: 'Prévoir les ventes', useCases: ['SALES_FORECAST'] },
    });
  });

  it.each([
    ['siren', { siren: '123456789' }, 'Le SIREN compte 9 chiffres'],
    ['contactEmail', { contactEmail: 'pas-un-email' }, 'Indiquez une adresse e-mail'],
    ['useCase', { useCase: '' }, 'Choisissez un cas d’usage'],
    ['useCase', { useCase: 'TELEPATHY' }, 'Choisissez un cas d’usage'],
    ['title', { title: '' }, 'Donnez un titre'],
    ['buyerType', { buyerType: 'ministère' }, 'Choisissez le type de structure'],
  ])('says in French what is wrong with %s, and keeps what was typed', (field, over, message) => {
    const result = parseEmbedNeed({ ...good, ...over });
    expect('errors' in result && result.errors[field as keyof typeof result.errors]).toContain(message);
    expect(result.values.name).toBe('Boulangerie du Port');
  });
});
