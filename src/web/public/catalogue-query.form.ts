import { CatalogueQueryDto } from '../../catalogue/dto/catalogue-query.dto.js';
import { parseWith } from '../shared/form-input.js';

/* The catalogue's filters as the address carries them (`/app/catalogue?q=…&region=…`), read as CatalogueQueryDto. */

export const CATALOGUE_PAGE_SIZE = 12;

/** The query to run; a hand-edited address with an unknown filter gives the whole catalogue, flagged `invalid`. */
export async function parseCatalogueQuery(raw: Record<string, unknown>): Promise<{ query: CatalogueQueryDto; invalid: boolean }> {
  const q = typeof raw.q === 'string' && raw.q.trim() ? raw.q.trim() : undefined;
  const plain = {
    q,
    useCase: raw.useCase,
    region: typeof raw.region === 'string' && raw.region ? raw.region : undefined,
    grade: raw.grade,
    dataResidency: raw.dataResidency,
    page: typeof raw.page === 'string' && /^\d{1,4}$/.test(raw.page) ? Number(raw.page) : 1,
    pageSize: CATALOGUE_PAGE_SIZE,
  };
  const parsed = await parseWith(CatalogueQueryDto, plain, {});
  if (parsed.dto) return { query: parsed.dto, invalid: false };
  return { query: Object.assign(new CatalogueQueryDto(), { q: q?.slice(0, 200), page: 1, pageSize: CATALOGUE_PAGE_SIZE }), invalid: true };
}
