import type { EntityManager } from 'typeorm';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { CreateOrganisationDto } from '../organisations/dto/organisation-input.dto.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';

/**
 * The buyer organisation with this SIREN, created unverified (and memberless) when unknown. A
 * known one is left as it is: a partner does not rewrite a company's record (decision 029).
 */
export async function findOrCreateBuyer(
  organisations: OrganisationsRepository,
  manager: EntityManager,
  company: CreateOrganisationDto,
  field = 'company',
): Promise<OrganisationEntity> {
  const known = await organisations.findByKindAndSiren(manager, 'buyer', company.siren);
  if (known) return known;
  if (!company.buyerType) {
    throw CommonErrors.VALIDATION_FAILED(undefined, [
      { field: `${field}.buyerType`, messages: ['buyerType is required for a new company'] },
    ]);
  }
  if (company.siret && !company.siret.startsWith(company.siren)) {
    throw CommonErrors.VALIDATION_FAILED(undefined, [{ field: `${field}.siret`, messages: ['siret must start with the siren'] }]);
  }
  const created = await organisations.insertIfAbsent(manager, {
    kind: 'buyer',
    buyerType: company.buyerType,
    name: company.name.trim(),
    siren: company.siren,
    siret: company.siret ?? null,
    nafCode: company.nafCode,
    nafVersion: company.nafVersion ?? 'NAFRev2',
    communeCode: company.communeCode,
    establishments: [],
    headcountBand: company.headcountBand ?? null,
    website: company.website ?? null,
  });
  const organisation = created ?? (await organisations.findByKindAndSiren(manager, 'buyer', company.siren));
  if (!organisation) throw CommonErrors.CONFLICT('The company was changed meanwhile; try again.');
  return organisation;
}
