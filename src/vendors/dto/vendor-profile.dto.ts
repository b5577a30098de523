import { IntersectionType, PickType } from '@nestjs/swagger';
import { UpdateOrganisationDto } from '../../organisations/dto/organisation-input.dto.js';
import { UpdateVendorDto } from './vendor.dto.js';

/**
 * A vendor's whole profile as its members edit it in one form: the public fields and the legal
 * data of the same organisation row, under one version (decision 014).
 */
export class UpdateVendorProfileDto extends IntersectionType(
  UpdateVendorDto,
  PickType(UpdateOrganisationDto, ['siret', 'nafCode', 'communeCode', 'establishments'] as const),
) {}
