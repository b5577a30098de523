import type { ProximityRelation } from '../../reference/geo/proximity.js';

/**
 * Where a vendor stands from a need, in two voices of one table: addressed to the buyer ("votre
 * département") on the buyer's pages, and neutral on the curators'.
 */
export const PROXIMITY_LABELS: Readonly<Record<ProximityRelation, { toBuyer: string; neutral: string }>> = {
  same_departement: { toBuyer: 'Dans votre département', neutral: 'Même département' },
  adjacent_departement: { toBuyer: 'Dans un département voisin', neutral: 'Département voisin' },
  same_region: { toBuyer: 'Dans votre région', neutral: 'Même région' },
  adjacent_region: { toBuyer: 'Dans une région voisine', neutral: 'Région voisine' },
  on_site: { toBuyer: 'Plus loin, intervient sur site chez vous', neutral: 'Intervient sur place' },
  remote: { toBuyer: 'Plus loin, intervient à distance', neutral: 'À distance' },
  out_of_area: { toBuyer: 'Hors de votre zone', neutral: 'Hors zone' },
};

/** One voice of the table, as templates read it: `proximityLabels[relation]`. */
export function proximityLabels(voice: 'toBuyer' | 'neutral'): Readonly<Record<ProximityRelation, string>> {
  return Object.fromEntries(Object.entries(PROXIMITY_LABELS).map(([relation, l]) => [relation, l[voice]])) as Record<
    ProximityRelation,
    string
  >;
}
