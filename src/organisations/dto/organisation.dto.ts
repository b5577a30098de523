import { ApiProperty } from '@nestjs/swagger';
import { BUYER_TYPES, NAF_VERSIONS, ORGANISATION_KINDS } from '../../reference/organisation-kinds.js';

export class EstablishmentViewDto {
  @ApiProperty({ example: '21060088800015' })
  siret!: string;

  @ApiProperty({ example: '06088' })
  communeCode!: string;

  @ApiProperty({
    example: true,
    description:
      'A curator confirmed the site: only confirmed sites count for proximity and locality. Lost when its SIRET or commune changes.',
  })
  confirmed!: boolean;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-02T09:30:00.000Z', description: 'When a curator confirmed it.' })
  confirmedAt!: string | null;
}

export class OrganisationDto {
  @ApiProperty({ example: '0b7e4a3c-2f1d-4c5e-9a8b-7c6d5e4f3a2b' })
  id!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'vendor' })
  kind!: string;

  @ApiProperty({ enum: BUYER_TYPES, nullable: true, example: null })
  buyerType!: string | null;

  @ApiProperty({ example: 'Azur IA' })
  name!: string;

  @ApiProperty({ example: '552100554' })
  siren!: string;

  @ApiProperty({ type: String, nullable: true, example: '55210055400013' })
  siret!: string | null;

  @ApiProperty({ example: '62.01Z' })
  nafCode!: string;

  @ApiProperty({ enum: NAF_VERSIONS, example: 'NAFRev2' })
  nafVersion!: string;

  @ApiProperty({ example: '06088' })
  communeCode!: string;

  @ApiProperty({ type: [EstablishmentViewDto] })
  establishments!: EstablishmentViewDto[];

  @ApiProperty({ type: String, nullable: true, example: '11' })
  headcountBand!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://azur-ia.fr' })
  website!: string | null;

  @ApiProperty({ type: Date, nullable: true, example: null, description: 'When a curator verified the organisation.' })
  verifiedAt!: Date | null;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  createdAt!: Date;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  updatedAt!: Date;
}
