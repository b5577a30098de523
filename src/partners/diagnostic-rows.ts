import type { FieldError } from '../common/errors/validation.js';
import { USE_CASE_CODES } from '../reference/data/use-case.types.js';
import { DataSensitivity } from '../reference/sovereignty/sovereignty.enums.js';

/*
 * The use cases of an imported diagnostic, checked row by row with messages in French (the
 * partners' experts read them): every problem of every row at once, each naming its row and
 * field, so a file is fixed in one go. Pure: no Nest, no database.
 */

/** When the company means to start, as the diagnostics state it; months after the diagnostic. */
export const HORIZONS = { immediate: 0, '3_months': 3, '6_months': 6, '12_months': 12, '24_months': 24 } as const;
export type Horizon = keyof typeof HORIZONS;

const SENSITIVITIES: readonly string[] = Object.values(DataSensitivity);
const MAX_BUDGET_EUR = 10_000_000;

export interface DiagnosticUseCase {
  code: string;
  priority: number;
  title: string;
  description: string | null;
  useCaseCodes: string[];
  dataSensitivity: DataSensitivity;
  horizon: Horizon;
  budgetMinEur: number | null;
  budgetMaxEur: number | null;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length >= 1 && v.length <= max;

/** The rows as typed use cases, or the field errors of all rows. */
export function checkUseCases(rows: readonly unknown[]): { useCases: DiagnosticUseCase[] } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const useCases: DiagnosticUseCase[] = [];
  rows.forEach((raw, i) => {
    const at = `Cas d'usage n° ${i + 1}`;
    const problem = (field: string, message: string) => errors.push({ field: `useCases[${i}].${field}`, messages: [`${at} : ${message}`] });
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ field: `useCases[${i}]`, messages: [`${at} : un objet est attendu.`] });
      return;
    }
    const r = raw as Record<string, unknown>;
    if (!text(r.code, 50) || !/^[A-Za-z0-9_.-]+$/.test(r.code))
      problem('code', 'le code est obligatoire (lettres, chiffres, « _ », « - » ou « . », 50 caractères au plus).');
    else if (seen.has(r.code)) problem('code', `le code « ${r.code} » figure déjà plus haut dans ce diagnostic.`);
    else seen.add(r.code);
    if (!isInt(r.priority) || r.priority < 1) problem('priority', 'la priorité est un entier à partir de 1.');
    if (!text(r.title, 200)) problem('title', 'le titre est obligatoire (200 caractères au plus).');
    if (r.description !== undefined && r.description !== null && !text(r.description, 10_000)) {
      problem('description', 'la description est un texte de 10 000 caractères au plus.');
    }
    const codes = r.useCaseCodes;
    if (!Array.isArray(codes) || codes.length === 0)
      problem('useCaseCodes', 'au moins un code de cas d’usage est attendu (voir GET /reference/use-cases).');
    else {
      const unknown = codes.filter((c) => typeof c !== 'string' || !(USE_CASE_CODES as readonly string[]).includes(c));
      if (unknown.length)
        problem('useCaseCodes', `code(s) inconnu(s) : ${unknown.map(String).join(', ')} (voir GET /reference/use-cases).`);
    }
    if (typeof r.dataSensitivity !== 'string' || !SENSITIVITIES.includes(r.dataSensitivity)) {
      problem('dataSensitivity', `la sensibilité des données est l’une de : ${SENSITIVITIES.join(', ')}.`);
    }
    if (typeof r.horizon !== 'string' || !(r.horizon in HORIZONS))
      problem('horizon', `l’horizon est l’un de : ${Object.keys(HORIZONS).join(', ')}.`);
    for (const field of ['budgetMinEur', 'budgetMaxEur'] as const) {
      const v = r[field];
      if (v !== undefined && v !== null && (!isInt(v) || v < 0 || v > MAX_BUDGET_EUR))
        problem(field, `le budget est un nombre entier d’euros entre 0 et ${MAX_BUDGET_EUR}.`);
    }
    if (isInt(r.budgetMinEur) && isInt(r.budgetMaxEur) && r.budgetMinEur > r.budgetMaxEur) {
      problem('budgetMaxEur', 'le budget maximum est inférieur au budget minimum.');
    }
    if (errors.some((e) => e.field.startsWith(`useCases[${i}]`))) return;
    useCases.push({
      code: r.code as string,
      priority: r.priority as number,
      title: (r.title as string).trim(),
      description: typeof r.description === 'string' ? r.description : null,
      useCaseCodes: [...new Set(codes as string[])],
      dataSensitivity: r.dataSensitivity as DataSensitivity,
      horizon: r.horizon as Horizon,
      budgetMinEur: isInt(r.budgetMinEur) ? r.budgetMinEur : null,
      budgetMaxEur: isInt(r.budgetMaxEur) ? r.budgetMaxEur : null,
    });
  });
  return errors.length ? { errors } : { useCases: useCases.sort((a, b) => a.priority - b.priority) };
}

/** The day the horizon points to: the diagnostic's date plus its months (YYYY-MM-DD). */
export function desiredStartOf(diagnosedOn: string, horizon: Horizon): string {
  const d = new Date(`${diagnosedOn}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + HORIZONS[horizon]);
  return d.toISOString().slice(0, 10);
}
