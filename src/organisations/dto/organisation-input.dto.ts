import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUrl, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { BUYER_TYPES, NAF_VERSIONS, type BuyerType, type NafVersion } from '../../reference/organisation-kinds.js';
import { IsCommuneCode, IsNafCode } from '../../reference/validation/reference.validators.js';
import { CompactDigits, IsSiren, IsSiret } from '../../reference/validation/siren.validators.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

/** INSEE "tranche d'effectif salarié" codes, as Sirene and the Recherche d'entreprises API return them. */
export const HEADCOUNT_BANDS = ['NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53'] as const;

export class EstablishmentDto {
  @ApiProperty({ example: '21060088800015', description: 'SIRET of the site (14 digits).' })
  @CompactDigits()
  @IsSiret()
  siret!: string;

  @ApiProperty({ example: '06088', description: 'INSEE code of the commune of the site.' })
  @IsCommuneCode()
  communeCode!: string;
}

/** Fields a member may change after registration (SIREN and kind are fixed). */
export class UpdateOrganisationDto {
  @ApiPropertyOptional({ example: 'Azur IA' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({ example: '21060088800015', description: 'SIRET of the head office; must start with the SIREN.' })
  @IsOmittable()
  @CompactDigits()
  @IsSiret()
  siret?: string;

  @ApiPropertyOptional({ example: '62.01Z', description: 'NAF code of the main activity (APE).' })
  @IsOmittable()
  @IsNafCode()
  nafCode?: string;

  @ApiPropertyOptional({ enum: NAF_VERSIONS, default: 'NAFRev2' })
  @IsOmittable()
  @IsIn(NAF_VERSIONS)
  nafVersion?: NafVersion;

  @ApiPropertyOptional({ example: '06088', description: 'INSEE code of the head-office commune.' })
  @IsOmittable()
  @IsCommuneCode()
  communeCode?: string;

  @ApiPropertyOptional({ enum: BUYER_TYPES, description: 'Buyers only.' })
  @IsOmittable()
  @IsIn(BUYER_TYPES)
  buyerType?: BuyerType;

  @ApiPropertyOptional({ enum: HEADCOUNT_BANDS, example: '11', description: "INSEE tranche d'effectif code (11 = 10 to 19 employees)." })
  @IsOmittable()
  @IsIn(HEADCOUNT_BANDS)
  headcountBand?: string;

  @ApiPropertyOptional({ example: 'https://azur-ia.fr' })
  @IsOmittable()
  @MaxLength(300)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string;

  @ApiPropertyOptional({ type: [EstablishmentDto], description: 'Other sites; proximity is measured from the nearest one.' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => EstablishmentDto)
  establishments?: EstablishmentDto[];

  @ApiPropertyOptional({ example: 3, description: 'The version you read; a concurrent change makes the update fail with 409.' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Azur IA' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name!: string;

  @ApiProperty({ example: '552100554', description: '9 digits; spaces are accepted and removed.' })
  @CompactDigits()
  @IsSiren()
  siren!: string;

  @ApiPropertyOptional({ example: '55210055400013', description: 'SIRET of the head office; must start with the SIREN.' })
  @IsOmittable()
  @CompactDigits()
  @IsSiret()
  siret?: string;

  @ApiProperty({ example: '62.01Z' })
  @IsNafCode()
  nafCode!: string;

  @ApiPropertyOptional({ enum: NAF_VERSIONS, default: 'NAFRev2' })
  @IsOmittable()
  @IsIn(NAF_VERSIONS)
  nafVersion?: NafVersion;

  @ApiProperty({ example: '06088', description: 'INSEE code of the head-office commune.' })
  @IsCommuneCode()
  communeCode!: string;

  @ApiPropertyOptional({ enum: BUYER_TYPES, description: 'Required for buyers, refused for vendors.' })
  @IsOmittable()
  @IsIn(BUYER_TYPES)
  buyerType?: BuyerType;

  @ApiPropertyOptional({ enum: HEADCOUNT_BANDS, example: '11' })
  @IsOmittable()
  @IsIn(HEADCOUNT_BANDS)
  headcountBand?: string;

  @ApiPropertyOptional({ example: 'https://azur-ia.fr' })
  @IsOmittable()
  @MaxLength(300)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string;

  @ApiPropertyOptional({ type: [EstablishmentDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => EstablishmentDto)
  establishments?: EstablishmentDto[];
}
