import type { NeedDto } from '../../needs/dto/need.dto.js';
import { defaultIntroductionMessage, parseProposal, parsePublish, proposalFields } from './need-decision.form.js';

const need = { useCases: ['DOC_PROCESSING'], sector: '84.11Z' } as NeedDto;
const OFFERING = '5f0c2b8e-1d7a-4c3e-9b6f-2a4d8e1c7b90';

describe('curator need forms', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'as is: the buyer classification kept',
      { useCases: 'CUSTOMER_SERVICE_CHATBOT', sector: '62.01Z' },
      { useCases: undefined, sector: undefined },
    ],
    [
      'corrected: only what changed is sent',
      { classification: 'corriger', useCases: 'DOC_PROCESSING', sector: '62.01z' },
      { useCases: undefined, sector: '62.01Z' },
    ],
    [
      'corrected use cases',
      { classification: 'corriger', useCases: ['CUSTOMER_SERVICE_CHATBOT', 'DOC_PROCESSING'], sector: '84.11Z' },
      { useCases: ['CUSTOMER_SERVICE_CHATBOT', 'DOC_PROCESSING'], sector: undefined },
    ],
  ])('publishes %s', async (_case, body, expected) => {
    const parsed = await parsePublish({ ...body, version: '2' }, need);
    expect(parsed.dto).toMatchObject({ version: 2 });
    for (const [key, value] of Object.entries(expected)) expect(parsed.dto?.[key as keyof typeof parsed.dto]).toEqual(value);
  });

  it.each([
    ['a typed message is kept and no offering looked up', { offeringId: OFFERING, message: 'Bonjour.' }, undefined],
    ['without a message, the offering is looked up to name it', { offeringId: OFFERING }, OFFERING],
    ['a malformed offering id is not looked up', { offeringId: 'abc' }, undefined],
  ])('proposal: %s', (_case, body, lookedUp) => {
    expect(proposalFields(body).offeringToName).toBe(lookedUp);
  });

  it('writes the default message naming the need and the offering', async () => {
    const parsed = await parseProposal(
      '1b2c3d4e-5f60-4718-a9b0-c1d2e3f4a5b6',
      { offeringId: OFFERING },
      'Tri des courriers',
      'Courrier IA',
    );
    expect(parsed.dto?.message).toBe(defaultIntroductionMessage('Tri des courriers', 'Courrier IA'));
    expect(parsed.dto?.message).toContain('« Courrier IA »');
    expect(parsed.values.message).toBeUndefined();
  });
});
