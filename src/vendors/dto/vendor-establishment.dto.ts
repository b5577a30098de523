import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsSiret } from '../../reference/validation/siren.validators.js';

/** The path of one declared establishment of a vendor: `/vendors/:id/establishments/:siret`. */
export class VendorEstablishmentParamsDto {
  @ApiProperty({ format: 'uuid', example: '0b7e4a3c-2f1d-4c5e-9a8b-7c6d5e4f3a2b' })
  @IsUUID()
  id!: string;

  @ApiProperty({ example: '55210055400021', description: 'SIRET of the establishment (14 digits, Luhn check).' })
  @IsSiret()
  siret!: string;
}
