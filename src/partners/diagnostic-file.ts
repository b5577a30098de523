import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, type FieldError } from '../common/errors/validation.js';
import { csvRowErrors, diagnosticFromCsv } from './diagnostic-csv.js';
import { ImportDiagnosticDto } from './dto/diagnostic.dto.js';

/** A diagnostic file read, with how to name its rows' errors, or the errors that stop it. */
export type DiagnosticFile =
  | { format: 'json' | 'csv'; dto: ImportDiagnosticDto; rename: (errors: FieldError[]) => FieldError[] }
  | { format: 'json' | 'csv'; errors: FieldError[] };

/**
 * A diagnostic file as a curator uploads it (decision 029): JSON when it starts with `{`, the CSV
 * variant otherwise. The JSON is checked as the API's validation pipe checks its body (unknown
 * properties refused), the CSV as `POST /partner/diagnostics/csv` reads it.
 */
export function diagnosticFromFile(text: string): DiagnosticFile {
  const source = text.replace(/^\uFEFF/, '');
  if (!source.trimStart().startsWith('{')) {
    const parsed = diagnosticFromCsv(source);
    return 'errors' in parsed ? { format: 'csv', errors: parsed.errors } : { format: 'csv', dto: parsed.dto, rename: csvRowErrors };
  }
  let plain: unknown;
  try {
    plain = JSON.parse(source);
  } catch {
    return {
      format: 'json',
      errors: [{ field: 'fichier', messages: ["Le fichier n'est pas un JSON lisible : vérifiez ses accolades et ses guillemets."] }],
    };
  }
  const dto = plainToInstance(ImportDiagnosticDto, plain);
  const problems = flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
  return problems.length ? { format: 'json', errors: problems } : { format: 'json', dto, rename: (errors) => errors };
}
