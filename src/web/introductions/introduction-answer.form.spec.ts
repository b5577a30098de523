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
    [{ outcome: 'won', version: '1' }, true],
    [{ outcome: 'maybe', version: '1' }, false],
  ])('reads an outcome %j: valid %s', async (body, valid) => {
    expect((await parseOutcome(body)).dto !== undefined).toBe(valid);
  });

  it('asks for the comment in the "other" choice only', () => {
    const labels = declineReasonOptions().map((o) => o.label);
    expect(labels.filter((l) => l.includes('(précisez-la)'))).toEqual(['Autre raison (précisez-la)']);
  });
});
