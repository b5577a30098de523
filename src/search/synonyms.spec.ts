import { buildSynonyms, foldText, meiliSynonyms, SYNONYM_GROUPS, synonymReadings, VOCABULARY } from './synonyms.js';

describe('synonym table (issue 22)', () => {
  it('reads the data file: every group tied to a known use case or none, no term in two groups', () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThan(10);
    expect(() => buildSynonyms({ version: 1, groups: [{ terms: ['a', 'b'], useCase: 'NOPE' }] })).toThrow(/unknown use case/);
    expect(() => buildSynonyms({ version: 1, groups: [{ terms: ['chatbot', 'x'] }, { terms: ['Chatbot', 'y'] }] })).toThrow(
      /two groups|groups 0 and 1/,
    );
    expect(() => buildSynonyms({ version: 1, groups: [{ terms: ['seul'] }] })).toThrow(/two terms/);
  });

  it('reads an expression of the table as any of its group, longest first, other words as typed', () => {
    const readings = synonymReadings('Chat bot pour ma mairie');
    expect(readings?.map((r) => r.readings.length > 1)).toEqual([true, false, false, false]);
    expect(readings?.[0].readings).toContain('agent conversationnel');
    expect(readings?.[0].groups[0].useCase).toBe('CUSTOMER_SERVICE_CHATBOT');
    expect(synonymReadings("reconnaissance d'image")?.[0].readings).toContain('vision par ordinateur');
    expect(synonymReadings('IA GÉNÉRATIVE')?.[0].readings).toContain('modèle de langage');
  });

  it('leaves alone a query without expressions of the table, or written in the search syntax', () => {
    expect(synonymReadings('boulangerie')).toBeNull();
    expect(synonymReadings('"chat bot"')).toBeNull();
    expect(synonymReadings('boulangerie -pain')).toBeNull();
  });

  it('keeps an excluded word excluded, as typed, beside the expressions read as their group', () => {
    const readings = synonymReadings('chatbot -vocal mairie');
    expect(readings?.map((r) => [r.readings.length > 1, r.negated])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(readings?.[1].readings).toEqual(['vocal']);
    expect(synonymReadings('-vocal chat bot')?.map((r) => [r.negated, r.readings.length > 1])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('gives Meilisearch every term with the other terms of its group', () => {
    const synonyms = meiliSynonyms();
    expect(synonyms.rgpd).toEqual(expect.arrayContaining(['données personnelles']));
    expect(synonyms.rgpd).not.toContain('rgpd');
    expect(VOCABULARY.has(foldText('Transcription'))).toBe(true);
  });
});
