import type { Establishment } from './organisation.entity.js';

/*
 * Establishments as curators confirm them (decision 022): only a confirmed site counts for
 * proximity and locality. Plain functions over the JSONB items; the services persist the result.
 */

/** A site as a member declares it: no confirmation can come in from a form or a request. */
export type DeclaredEstablishment = Pick<Establishment, 'siret' | 'communeCode'>;

export const isConfirmed = (e: Establishment): boolean => typeof e.confirmedAt === 'string';

/**
 * The new list a member sends, each item keeping the confirmation of a confirmed item with the
 * same SIRET and commune, and losing it otherwise (a new site, a new SIRET, a moved one).
 */
export function carryConfirmations(previous: readonly Establishment[], next: readonly DeclaredEstablishment[]): Establishment[] {
  const confirmed = new Map(previous.filter(isConfirmed).map((e) => [`${e.siret}|${e.communeCode}`, e]));
  return next.map(({ siret, communeCode }) => {
    const kept = confirmed.get(`${siret}|${communeCode}`);
    return kept ? { siret, communeCode, confirmedAt: kept.confirmedAt, confirmedBy: kept.confirmedBy } : { siret, communeCode };
  });
}

/** The list with every item of this SIRET confirmed by `by` at `at`; an item already confirmed keeps its first confirmation. */
export function withConfirmation(list: readonly Establishment[], siret: string, by: string, at: Date): Establishment[] {
  return list.map((e) => (e.siret !== siret || isConfirmed(e) ? e : { ...e, confirmedAt: at.toISOString(), confirmedBy: by }));
}

/** The list with the confirmation of every item of this SIRET taken back. */
export function withoutConfirmation(list: readonly Establishment[], siret: string): Establishment[] {
  return list.map((e) => (e.siret === siret ? { siret: e.siret, communeCode: e.communeCode } : e));
}

/** The index of each SIRET listed more than once, after its first appearance. */
export function repeatedSirets(list: readonly DeclaredEstablishment[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  list.forEach((e, i) => {
    if (seen.has(e.siret)) repeated.push(i);
    seen.add(e.siret);
  });
  return repeated;
}
