import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, type FieldError } from '../common/errors/validation.js';
import { ImportDiagnosticDto } from './dto/diagnostic.dto.js';

/*
 * The CSV variant of the diagnostic import (issue 20): one line per use case, the diagnostic's own
 * columns repeated on each. Separator `;` (French spreadsheets) or `,`, read from the header; UTF-8,
 * BOM accepted; RFC 4180 quotes. Problems name the file's line and column, in French.
 */

/** Columns, in the documented order; the header must name them all (any order). */
export const DIAGNOSTIC_CSV_COLUMNS = [
  'diagnostic_id',
  'date',
  'expert_name',
  'expert_email',
  'siren',
  'company_name',
  'naf_code',
  'commune_code',
  'buyer_type',
  'contact_email',
  'code',
  'priority',
  'title',
  'description',
  'use_case_codes',
  'data_sensitivity',
  'horizon',
  'budget_min_eur',
  'budget_max_eur',
] as const;
type Column = (typeof DIAGNOSTIC_CSV_COLUMNS)[number];

const DIAGNOSTIC_COLUMNS: readonly Column[] = DIAGNOSTIC_CSV_COLUMNS.slice(0, 10);
/** Where a use case's field comes from in the file, to name the column in messages. */
const USE_CASE_COLUMN: Readonly<Record<string, Column>> = {
  code: 'code',
  priority: 'priority',
  title: 'title',
  description: 'description',
  useCaseCodes: 'use_case_codes',
  dataSensitivity: 'data_sensitivity',
  horizon: 'horizon',
  budgetMinEur: 'budget_min_eur',
  budgetMaxEur: 'budget_max_eur',
};
const DTO_COLUMN: Readonly<Record<string, Column>> = {
  diagnosticId: 'diagnostic_id',
  date: 'date',
  'expert.name': 'expert_name',
  'expert.email': 'expert_email',
  'company.siren': 'siren',
  'company.name': 'company_name',
  'company.nafCode': 'naf_code',
  'company.communeCode': 'commune_code',
  'company.buyerType': 'buyer_type',
  contactEmail: 'contact_email',
};

/** RFC 4180 records; the separator is whichever of `;` and `,` the header uses first. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(';') ? ';' : ',';
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => r.some((cell) => cell.trim() !== ''));
}

const num = (v: string): number | string | undefined => (v.trim() === '' ? undefined : /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v);

/**
 * The CSV as the JSON import's body, or field errors naming line (the header is line 1) and column.
 * The diagnostic's columns must be the same on every line.
 */
export function diagnosticFromCsv(text: string): { dto: ImportDiagnosticDto } | { errors: FieldError[] } {
  const [header, ...lines] = parseCsv(text);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = DIAGNOSTIC_CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { errors: [{ field: 'ligne 1', messages: [`Ligne 1 : colonne(s) manquante(s) : ${missing.join(', ')}.`] }] };
  if (lines.length === 0) return { errors: [{ field: 'ligne 2', messages: ['Le fichier ne contient aucun cas d’usage.'] }] };
  const rows = lines.map(
    (cells) => Object.fromEntries(DIAGNOSTIC_CSV_COLUMNS.map((c) => [c, (cells[names.indexOf(c)] ?? '').trim()])) as Record<Column, string>,
  );
  const errors: FieldError[] = [];
  rows.forEach((row, i) => {
    for (const c of DIAGNOSTIC_COLUMNS) {
      if (row[c] !== rows[0][c])
        errors.push({
          field: `ligne ${i + 2}.${c}`,
          messages: [`Ligne ${i + 2} (colonne ${c}) : la valeur diffère de la ligne 2 ; un fichier porte un seul diagnostic.`],
        });
    }
  });
  if (errors.length) return { errors };
  const first = rows[0];
  const plain = {
    diagnosticId: first.diagnostic_id,
    date: first.date,
    expert: { name: first.expert_name, email: first.expert_email },
    company: {
      name: first.company_name,
      siren: first.siren,
      nafCode: first.naf_code,
      communeCode: first.commune_code,
      buyerType: first.buyer_type || undefined,
    },
    contactEmail: first.contact_email,
    useCases: rows.map((r) => ({
      code: r.code,
      priority: num(r.priority),
      title: r.title,
      description: r.description || undefined,
      useCaseCodes: r.use_case_codes
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean),
      dataSensitivity: r.data_sensitivity,
      horizon: r.horizon,
      budgetMinEur: num(r.budget_min_eur),
      budgetMaxEur: num(r.budget_max_eur),
    })),
  };
  const dto = plainToInstance(ImportDiagnosticDto, plain);
  const problems = flattenValidationErrors(validateSync(dto));
  if (problems.length) {
    return {
      errors: problems.map((p) => {
        // The use cases as a whole (how many there are) are the file's lines, not line 2's.
        if (p.field === 'useCases') {
          return {
            field: 'fichier',
            messages: [`Le fichier (${plain.useCases.length} lignes de cas d'usage) : ${p.messages.join(' ; ')}.`],
          };
        }
        const column = DTO_COLUMN[p.field] ?? p.field;
        return { field: `ligne 2.${column}`, messages: [`Ligne 2 (colonne ${column}) : valeur invalide (${p.messages.join(' ; ')}).`] };
      }),
    };
  }
  return { dto };
}

/** Renames the JSON import's row errors (`useCases[i].title`) to the file's line and column. */
export function csvRowErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => {
    const m = /^useCases\[(\d+)\](?:\.(\w+))?$/.exec(e.field);
    if (!m) return e;
    const line = Number(m[1]) + 2;
    const column = m[2] ? (USE_CASE_COLUMN[m[2]] ?? m[2]) : '';
    return {
      field: column ? `ligne ${line}.${column}` : `ligne ${line}`,
      messages: e.messages.map((msg) =>
        msg.replace(/^Cas d'usage n° \d+ :/, column ? `Ligne ${line} (colonne ${column}) :` : `Ligne ${line} :`),
      ),
    };
  });
}

/** A one-line file, for the OpenAPI document. */
export const DIAGNOSTIC_CSV_EXAMPLE =
  `${DIAGNOSTIC_CSV_COLUMNS.join(';')}\n` +
  'BPI-DIAG-2026-0042;2026-11-30;Camille Martin;camille.martin@bpifrance.fr;552100554;Boulangerie Niçoise;10.71C;06088;tpe;' +
  'dirigeante@boulangerie-nicoise.fr;UC-1;1;Prévision des ventes;;SALES_FORECAST;none;6_months;5000;15000\n';
