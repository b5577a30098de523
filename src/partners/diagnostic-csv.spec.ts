import { csvRowErrors, diagnosticFromCsv, DIAGNOSTIC_CSV_COLUMNS, parseCsv } from './diagnostic-csv.js';

const HEADER = DIAGNOSTIC_CSV_COLUMNS.join(';');
const diag = 'BPI-1;2026-11-30;Camille Martin;camille@bpifrance.example.fr;552100554;Boulangerie;10.71C;06088;tpe;contact@example.fr';

describe('parseCsv', () => {
  it.each([
    [
      'semicolons and CRLF',
      'a;b\r\n1;2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'commas, a BOM and no final newline',
      '\uFEFFa,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quotes holding separators, quotes and newlines',
      'a;b\n"x; ""y""\nz";2\n',
      [
        ['a', 'b'],
        ['x; "y"\nz', '2'],
      ],
    ],
    [
      'blank lines',
      'a;b\n\n1;2\n\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });
});

describe('diagnosticFromCsv', () => {
  it('gives the JSON import body, one use case per line', () => {
    const csv = `${HEADER}\n${diag};UC-1;1;Prévision;;SALES_FORECAST|PRICING_CRM_ANALYTICS;none;6_months;5000;15000\n${diag};UC-2;2;Tri;Courriers;DOC_PROCESSING;personal;immediate;;\n`;
    const result = diagnosticFromCsv(csv);
    expect('dto' in result && result.dto).toMatchObject({
      diagnosticId: 'BPI-1',
      company: { siren: '552100554', buyerType: 'tpe' },
      useCases: [
        {
          code: 'UC-1',
          priority: 1,
          useCaseCodes: ['SALES_FORECAST', 'PRICING_CRM_ANALYTICS'],
          budgetMinEur: 5000,
          description: undefined,
        },
        { code: 'UC-2', priority: 2, description: 'Courriers', budgetMinEur: undefined },
      ],
    });
  });

  it('names a missing column, and a diagnostic column that changes between lines', () => {
    expect(diagnosticFromCsv('code;title\nUC-1;x')).toEqual({
      errors: [{ field: 'ligne 1', messages: [expect.stringContaining('colonne(s) manquante(s) : diagnostic_id')] }],
    });
    const other = diag.replace('BPI-1', 'BPI-2');
    const result = diagnosticFromCsv(
      `${HEADER}\n${diag};UC-1;1;A;;SALES_FORECAST;none;6_months;;\n${other};UC-2;2;B;;SALES_FORECAST;none;6_months;;\n`,
    );
    expect(result).toEqual({
      errors: [{ field: 'ligne 3.diagnostic_id', messages: [expect.stringMatching(/^Ligne 3 \(colonne diagnostic_id\)/)] }],
    });
  });

  it('names the file, not line 2, when the use cases are too many', () => {
    const lines = Array.from({ length: 31 }, (_, i) => `${diag};UC-${i + 1};${i + 1};Cas ${i + 1};;SALES_FORECAST;none;6_months;;`);
    expect(diagnosticFromCsv(`${HEADER}\n${lines.join('\n')}\n`)).toEqual({
      errors: [{ field: 'fichier', messages: [expect.stringMatching(/^Le fichier \(31 lignes de cas d'usage\) : /)] }],
    });
  });

  it('renames row errors to the line and column of the file', () => {
    expect(csvRowErrors([{ field: 'useCases[1].horizon', messages: ["Cas d'usage n° 2 : l’horizon est l’un de : …"] }])).toEqual([
      { field: 'ligne 3.horizon', messages: ['Ligne 3 (colonne horizon) : l’horizon est l’un de : …'] },
    ]);
  });
});
