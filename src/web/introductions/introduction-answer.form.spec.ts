import { declineReasonOptions, parseAnswer, parseDecline, parseOutcome } from './introduction-answer.form.js';

describe('introduction answer forms', () => {
  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ['no reason chosen', { version: '2' }, { reason: ['Choisissez une raison.'] }],
    ['"other" without its comment', { reason: 'other', version: '2' }, { comment: ['Précisez la raison en quelques mots.'] }],
  ])('asks again when %s', async (_case, body, errors) => {
    const parsed = await parseDecline(body);
    expect(parsed.dto).toBeUndefined();
    expect(parsed.errors).toMatchObject(errors);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a reason', { reason: 'budget', version: '2' }, { reason: 'budget', version: 2 }],
    [
      '"other" with its comment',
      { reason: 'other', comment: ' Reporté. ', version: '2' },
      { reason: 'other', comment: 'Reporté.', version: 2 },
    ],
  ])('reads a decline with %s', async (_case, body, dto) => {
    expect((await parseDecline(body)).dto).toMatchObject(dto);
  });

  it.each([
    [{ version: '3' }, true],
    [{ version: 'x' }, false],
    [{}, true],
  ])('reads the version of an answer %j (optional): valid %s', async (body, valid) => {
    expect((await parseAnswer(body)).dto !== undefined).toBe(valid);
  });

  it.each([
    [{ outcome: 'won', version: '1', valueBand: '5k_20k', startDate: '2027-02-01' }, true],
    [{ outcome: 'won', version: '1', amountEur: '12 000 €', startDate: '2027-02-01', lostReason: 'price' }, true],
    [{ outcome: 'won', version: '1' }, false],
    [{ outcome: 'won', version: '1', valueBand: 'under_5k', amountEur: '9000', startDate: '2027-02-01' }, false],
    [{ outcome: 'lost', version: '1', lostReason: 'price', public: 'true', valueBand: '5k_20k' }, true],
    [{ outcome: 'lost', version: '1' }, false],
    [{ outcome: 'maybe', version: '1' }, false],
  ])('reads an outcome %j: valid %s', async (body, valid) => {
    expect((await parseOutcome(body)).dto !== undefined).toBe(valid);
  });

  it("asks a party for the figures in French, and leaves them optional on the curators' board", async () => {
    expect((await parseOutcome({ outcome: 'won', version: '1' })).errors).toEqual({
      valueBand: ['Indiquez la tranche de montant (ou le montant exact).'],
      startDate: ['Indiquez la date de début du contrat.'],
    });
    expect((await parseOutcome({ outcome: 'won', version: '1' }, false)).dto).toMatchObject({ outcome: 'won' });
  });

  it('asks for the comment in the "other" choice only', () => {
    const labels = declineReasonOptions().map((o) => o.label);
    expect(labels.filter((l) => l.includes('(précisez-la)'))).toEqual(['Autre raison (précisez-la)']);
  });
});
