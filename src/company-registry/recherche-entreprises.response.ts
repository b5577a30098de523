import { findCommune } from '../reference/geo/geography.js';
import { findNafCode } from '../reference/sectors/naf.js';
import type { RegistryCompany, RegistryLookup } from './company-registry.port.js';

/*
 * Reading a `GET /search?q=<siren>` answer of the API Recherche d'entreprises:
 * `{ results: [{ siren, nom_complet, nom_raison_sociale, activite_principale: "62.01Z",
 *   etat_administratif: "A"|"C", siege: { commune: "75115", libelle_commune, ... } }], total_results, ... }`.
 * A text search may return look-alikes: only the result with exactly this SIREN counts.
 */

interface SearchResult {
  siren?: unknown;
  nom_complet?: unknown;
  nom_raison_sociale?: unknown;
  activite_principale?: unknown;
  etat_administratif?: unknown;
  siege?: { commune?: unknown; libelle_commune?: unknown; activite_principale?: unknown } | null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Paris, Lyon and Marseille's arrondissements (751xx, 6938x, 132xx) belong to their city's code here. */
export function communeOfRegistry(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (findCommune(code)) return code;
  if (/^751(0[1-9]|1[0-9]|20)$/.test(code)) return '75056';
  if (/^6938[1-9]$/.test(code)) return '69123';
  if (/^132(0[1-9]|1[0-6])$/.test(code)) return '13055';
  return undefined;
}

/** The registry's NAF code when the app knows it (`6201Z` written `62.01Z` too). */
function nafOf(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const dotted = /^\d{4}[A-Z]$/.test(code) ? `${code.slice(0, 2)}.${code.slice(2)}` : code;
  return findNafCode(dotted) ? dotted : undefined;
}

/** The lookup an answer amounts to; a body of the wrong shape is `unavailable`, not a crash. */
export function readSearchAnswer(body: unknown, siren: string): RegistryLookup {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return { status: 'unavailable' };
  const hit = (results as SearchResult[]).find((r) => r && r.siren === siren);
  if (!hit) return { status: 'not_found' };
  const name = str(hit.nom_complet) ?? str(hit.nom_raison_sociale);
  if (!name) return { status: 'unavailable' };
  const state = hit.etat_administratif === 'C' ? 'C' : 'A';
  const company: RegistryCompany = {
    siren,
    name,
    nafCode: nafOf(str(hit.activite_principale) ?? str(hit.siege?.activite_principale)),
    communeCode: communeOfRegistry(str(hit.siege?.commune)),
    communeName: str(hit.siege?.libelle_commune),
    administrativeState: state,
    closed: state === 'C',
  };
  return { status: 'found', company };
}
