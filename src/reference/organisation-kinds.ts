/** The vocabulary of organisations: vendor or buyer, the kinds of buyer, the NAF editions a sector code may follow. */
export const ORGANISATION_KINDS = ['vendor', 'buyer'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const BUYER_TYPES = ['tpe', 'pme', 'eti', 'collectivite', 'association', 'autre'] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];

export const BUYER_TYPE_LABELS: Readonly<Record<BuyerType, string>> = {
  tpe: 'TPE (moins de 10 salariés)',
  pme: 'PME (10 à 249 salariés)',
  eti: 'ETI ou grande entreprise',
  collectivite: 'Collectivité territoriale ou établissement public',
  association: 'Association',
  autre: 'Autre',
};
export const NAF_VERSIONS = ['NAFRev2', 'NAF2025'] as const;
export type NafVersion = (typeof NAF_VERSIONS)[number];
