import type { OfferingDto } from '../../offerings/dto/offering.dto.js';
import { offeringToValues, parseNewOffering, parseOfferingChanges, placeOfferingErrors } from './offering.form.js';

const form = {
  title: 'Tri intelligent des courriers',
  summary: 'Classement automatique.',
  useCases: 'DOC_PROCESSING',
  sectors: '84, c',
  targetBuyerTypes: ['pme', 'collectivite'],
  'serviceArea.departements': '06 83',
  'serviceArea.remoteDelivery': 'true',
  'references.count': '3',
};

describe('offering form', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'lists typed as codes separated by commas or spaces',
      {},
      {
        sectors: ['84', 'C'],
        serviceArea: { national: false, regions: [], departements: ['06', '83'], remoteDelivery: true },
        references: { count: 3, sectors: [] },
      },
    ],
    [
      'a pricing only when one of its fields is typed',
      { 'pricing.model': 'project', 'pricing.minBudgetEur': '2 000' },
      { pricing: { model: 'project', minBudgetEur: 2000 } },
    ],
  ])('reads %s', async (_case, extra, expected) => {
    const parsed = await parseNewOffering({ ...form, ...extra });
    expect(parsed.errors).toBeUndefined();
    expect(parsed.dto).toMatchObject({ title: form.title, ...expected });
  });

  it('sends no pricing nor profile on a new offering that has none', async () => {
    const parsed = await parseNewOffering(form);
    expect(parsed.dto).not.toHaveProperty('pricing');
    expect(parsed.dto).not.toHaveProperty('sovereignty');
  });

  it.each<[string, Record<string, unknown>, string, string[]]>([
    [
      'text where a number is expected, once',
      { 'pricing.minBudgetEur': 'beaucoup' },
      'pricing.minBudgetEur',
      ['Saisissez un nombre entier.'],
    ],
    [
      'an unanswered yes/no question in radio words',
      { 'sovereignty.hosting.dataResidency': 'FR_ONLY' },
      'sovereignty.hosting.nonEuRemoteAccess',
      ['Répondez par oui ou par non.'],
    ],
  ])('refuses %s', async (_case, extra, field, messages) => {
    const parsed = await parseNewOffering({ ...form, ...extra });
    expect(parsed.dto).toBeUndefined();
    expect(parsed.errors?.[field]).toEqual(messages);
    expect(parsed.values).toMatchObject(extra);
  });

  it.each([
    ['evidence[1].url', ['certifications.secNumCloud', 'certifications.hds'], 'evidence.certifications.hds.url'],
    ['evidence[0].validUntil', ['certifications.hds'], 'evidence.certifications.hds.validUntil'],
    ['evidence[5].url', [], 'evidence'],
  ] as const)('places the error of %s on the claim it was sent for', (sent, claims, shown) => {
    expect(Object.keys(placeOfferingErrors({ [sent]: ['x'] }, claims))).toEqual([shown]);
  });

  it('clears emptied texts on an update and reads a stored offering back unchanged', async () => {
    const created = await parseNewOffering(form);
    const stored = {
      ...created.dto,
      summary: 'Classement automatique.',
      description: null,
      pricing: { model: null, minBudgetEur: null, maxBudgetEur: null },
      sovereignty: null,
      claims: [],
      version: 2,
    } as unknown as OfferingDto;
    const again = await parseOfferingChanges(offeringToValues(stored), stored);
    expect(again.dto).toMatchObject({ title: form.title, description: null, sectors: ['84', 'C'], version: 2 });
    expect((await parseOfferingChanges({ ...offeringToValues(stored), summary: '' }, stored)).dto).toMatchObject({ summary: null });
  });
});
