import { findCommune } from '../../reference/geo/geography.js';
import type { RegistryCheckDto } from '../../vendors/dto/vendor-verification.dto.js';

/* What the vendor declared beside what the company registry said at sign-up, for the curator. */

export interface ComparisonRow {
  label: string;
  declared: string;
  registry: string;
  /** True when both are known and differ: worth a look, not a verdict (trade names differ often). */
  differs: boolean;
}

const communeLabel = (code: string | null | undefined): string => {
  if (!code) return '—';
  const commune = findCommune(code);
  return commune ? `${commune.name} (${code})` : code;
};
const same = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' }) === 0;

export function registryComparison(
  declared: { name: string; nafCode: string; communeCode: string | null },
  registry: RegistryCheckDto | null,
): ComparisonRow[] | null {
  if (!registry || !registry.found) return null;
  const rows = [
    { label: 'Nom', declared: declared.name, registry: registry.name ?? '—' },
    { label: 'Code NAF', declared: declared.nafCode, registry: registry.nafCode ?? '—' },
    { label: 'Commune du siège', declared: communeLabel(declared.communeCode), registry: communeLabel(registry.communeCode) },
  ];
  return rows.map((r) => ({ ...r, differs: r.registry !== '—' && !same(r.declared, r.registry) }));
}

/** One sentence on the registry's answer, or why there is none. */
export function registrySummary(registry: RegistryCheckDto | null): string {
  if (!registry)
    return "Le registre des entreprises n'a pas été consulté à l'inscription (non configuré ou indisponible) : vérifiez le SIREN sur l'annuaire.";
  if (!registry.found)
    return "Le registre des entreprises ne connaissait pas ce SIREN à l'inscription : vérifiez-le sur l'annuaire avant de confirmer.";
  if (registry.closed)
    return "Attention : le registre des entreprises indiquait l'entreprise comme fermée (cessation d'activité) à l'inscription.";
  return "Le registre des entreprises connaissait l'entreprise, en activité, à l'inscription.";
}
