/** What the public company registry says about a SIREN, in the app's own words. */
export interface RegistryCompany {
  siren: string;
  name: string;
  /** NAF code as the app writes it (`62.01Z`); absent when the registry gives none. */
  nafCode?: string;
  /** INSEE code of the head office's commune (arrondissements folded into their city). */
  communeCode?: string;
  /** The commune's name as the registry spells it. */
  communeName?: string;
  /** `A` (active) or `C` (ceased) in the registry. */
  administrativeState: 'A' | 'C';
  closed: boolean;
}

/**
 * The answer of one lookup. `unavailable` (registry down, slow, or answering nonsense) and `off`
 * (no registry configured) both mean "fill the form by hand": sign-up never depends on it.
 */
export type RegistryLookup =
  { status: 'found'; company: RegistryCompany } | { status: 'not_found' } | { status: 'unavailable' } | { status: 'off' };

/** Port to the company registry; the adapter is chosen by COMPANY_REGISTRY_URL. */
export abstract class CompanyRegistry {
  abstract lookup(siren: string): Promise<RegistryLookup>;
}

/** The registry's answer kept with the organisation at sign-up, shown to curators when verifying. */
export interface RegistryCheck {
  checkedAt: string;
  found: boolean;
  name?: string;
  nafCode?: string;
  communeCode?: string;
  closed?: boolean;
}

/** What to keep of a lookup: nothing when the registry could not answer. */
export function registryCheckOf(lookup: RegistryLookup, now: Date): RegistryCheck | null {
  if (lookup.status === 'not_found') return { checkedAt: now.toISOString(), found: false };
  if (lookup.status !== 'found') return null;
  const { name, nafCode, communeCode, closed } = lookup.company;
  return { checkedAt: now.toISOString(), found: true, name, nafCode, communeCode, closed };
}
