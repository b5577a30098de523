import { CommonErrors } from '../common/errors/common.errors.js';
import type { UpdateOrganisationDto } from './dto/organisation-input.dto.js';
import { repeatedSirets } from './establishments.js';
import type { OrganisationEntity } from './organisation.entity.js';

/** The parts of an organisation a change is checked against: fixed at registration. */
type Registered = Pick<OrganisationEntity, 'kind' | 'siren'>;

/** Rules across fields that a DTO alone cannot see; shared by the organisation and vendor-profile updates. */
export function checkOrganisationCoherence(
  organisation: Registered,
  changes: Pick<UpdateOrganisationDto, 'buyerType' | 'siret' | 'establishments'>,
): void {
  const problems: { field: string; messages: string[] }[] = [];
  if (changes.buyerType !== undefined && organisation.kind !== 'buyer') {
    problems.push({ field: 'buyerType', messages: ['buyerType applies to buyer organisations only'] });
  }
  if (changes.siret !== undefined && !changes.siret.startsWith(organisation.siren)) {
    problems.push({ field: 'siret', messages: ['siret must start with the organisation SIREN'] });
  }
  (changes.establishments ?? []).forEach((e, i) => {
    if (!e.siret.startsWith(organisation.siren))
      problems.push({ field: `establishments[${i}].siret`, messages: ['siret must start with the organisation SIREN'] });
  });
  // One item per SIRET: curators confirm a site by its SIRET.
  for (const i of repeatedSirets(changes.establishments ?? []))
    problems.push({ field: `establishments[${i}].siret`, messages: ['siret is listed twice'] });
  if (problems.length > 0) throw CommonErrors.VALIDATION_FAILED(undefined, problems);
}
