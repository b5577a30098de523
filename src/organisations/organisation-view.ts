import type { EstablishmentViewDto, OrganisationDto } from './dto/organisation.dto.js';
import type { Establishment, OrganisationEntity } from './organisation.entity.js';
import { isConfirmed } from './establishments.js';

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
    establishments: o.establishments.map(toEstablishmentView),
    headcountBand: o.headcountBand,
    website: o.website,
    verifiedAt: o.verifiedAt,
    version: o.version,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/** A site with its confirmation state; the confirming curator stays in the audit log. */
export function toEstablishmentView(e: Establishment): EstablishmentViewDto {
  return { siret: e.siret, communeCode: e.communeCode, confirmed: isConfirmed(e), confirmedAt: e.confirmedAt ?? null };
}
