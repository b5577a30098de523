import type { OrganisationDto } from './dto/organisation.dto.js';
import type { OrganisationEntity } from './organisation.entity.js';

export function toOrganisationDto(o: OrganisationEntity): OrganisationDto {
  return {
    id: o.id,
    kind: o.kind,
    buyerType: o.buyerType,
    name: o.name,
    siren: o.siren,
    siret: o.siret,
    nafCode: o.nafCode,
    nafVersion: o.nafVersion,
    communeCode: o.communeCode,
    establishments: o.establishments.map((e) => ({ siret: e.siret, communeCode: e.communeCode })),
    headcountBand: o.headcountBand,
    website: o.website,
    verifiedAt: o.verifiedAt,
    version: o.version,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}
