import { type DomainError } from '../../common/errors/domain-error.js';
import type { FieldError } from '../../common/errors/validation.js';
import { frenchDomainFieldErrors } from '../shared/french-messages.js';

/** One problem of an uploaded diagnostic, as the page's table shows it: where, which field, what. */
export interface UploadProblem {
  row: string;
  field: string;
  message: string;
}

/** Messages the import already writes in French (rows, lines, the file): shown as they are. */
const FRENCH = /^(Cas d'usage n°|Ligne \d|Le fichier|Le diagnostic)/;

/**
 * The import's field errors as rows of a table: the row (« Cas d'usage n° 2 », « Ligne 3 » or the
 * diagnostic itself) and the field apart, so a curator finds them in the file.
 */
export function uploadProblems(error: DomainError): UploadProblem[] {
  const translated = frenchDomainFieldErrors(error);
  const details = Array.isArray(error.details) ? (error.details as FieldError[]) : [];
  return details.flatMap((d) => {
    const where = placeOf(d.field);
    return (d.messages ?? []).map((m, i) => ({ ...where, message: FRENCH.test(m) ? m : (translated[d.field]?.[i] ?? m) }));
  });
}

function placeOf(field: string): { row: string; field: string } {
  const useCase = /^useCases\[(\d+)\]\.?(.*)$/.exec(field);
  if (useCase) return { row: `Cas d'usage n° ${Number(useCase[1]) + 1}`, field: useCase[2] || '—' };
  const line = /^ligne (\d+)\.?(.*)$/.exec(field);
  if (line) return { row: `Ligne ${line[1]}`, field: line[2] || '—' };
  return { row: 'Diagnostic', field };
}
