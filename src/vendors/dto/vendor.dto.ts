import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Length, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { OFFERING_STATUSES, type OfferingStatus } from '../../offerings/offering.entity.js';
import { OfferingSummaryDto } from '../../offerings/dto/offering.dto.js';
import type { VerificationStatus } from '../../organisations/organisation.entity.js';
import { HEADCOUNT_BANDS } from '../../organisations/dto/organisation-input.dto.js';
import { EstablishmentViewDto } from '../../organisations/dto/organisation.dto.js';
import { IsDepartementCode, IsRegionCode, IsUseCase } from '../../reference/validation/reference.validators.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export class VendorListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: '93',
    description: 'Région code: head office or a confirmed establishment there, or a published offering serving it.',
  })
  @IsOmittable()
  @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({
    example: '06',
    description: 'Département code: head office or a confirmed establishment there, or a published offering serving it.',
  })
  @IsOmittable()
  @IsDepartementCode()
  departement?: string;

  @ApiPropertyOptional({ example: 'DOC_PROCESSING', description: 'Has a published offering with this use case.' })
  @IsOmittable()
  @IsUseCase()
  useCase?: string;

  @ApiPropertyOptional({
    example: false,
    default: true,
    description: 'false: vendors awaiting verification, oldest registration first (curators and admins only, 403 otherwise).',
  })
  @IsOmittable()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  verified?: boolean;

  @ApiPropertyOptional({
    example: true,
    description: 'true: only vendors with an establishment a curator has not confirmed yet (curators and admins only, 403 otherwise).',
  })
  @IsOmittable()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  establishmentsToConfirm?: boolean;

  @ApiPropertyOptional({
    enum: ['pending', 'waiting_vendor', 'refused'],
    default: 'pending',
    description:
      'With verified=false: pending (the queue), waiting_vendor (a curator asked a question) or refused (curators and admins only).',
  })
  @IsOmittable()
  @IsIn(['pending', 'waiting_vendor', 'refused'])
  verificationStatus?: VerificationStatus;
}

export class VendorOfferingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OFFERING_STATUSES, description: 'Members, curators and admins only; others always get published ones.' })
  @IsOmittable()
  @IsIn(OFFERING_STATUSES)
  status?: OfferingStatus;
}

export class UpdateVendorDto {
  @ApiPropertyOptional({ example: 'Azur IA' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({ type: String, example: 'Éditeur niçois de solutions d’IA documentaire hébergées en France.', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Length(1, 5000)
  @IsNotBlank()
  description?: string | null;

  @ApiPropertyOptional({ type: String, example: 'https://azur-ia.fr', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @MaxLength(300)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string | null;

  @ApiPropertyOptional({ enum: HEADCOUNT_BANDS, example: '11', description: "INSEE tranche d'effectif code." })
  @IsOmittable()
  @IsIn(HEADCOUNT_BANDS)
  headcountBand?: string;

  @ApiProperty({ example: 1, description: 'The version you read; a concurrent change makes the update fail with 409 STALE_VERSION.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class PlaceDto {
  @ApiProperty({ example: '06' })
  code!: string;

  @ApiProperty({ example: 'Alpes-Maritimes' })
  name!: string;
}

export class VendorSummaryDto {
  @ApiProperty({ example: '0b7e4a3c-2f1d-4c5e-9a8b-7c6d5e4f3a2b' })
  id!: string;

  @ApiProperty({ example: 'Azur IA' })
  name!: string;

  @ApiProperty({ example: '552100554' })
  siren!: string;

  @ApiProperty({ type: PlaceDto, nullable: true, example: { code: '06088', name: 'Nice' } })
  commune!: PlaceDto | null;

  @ApiProperty({ type: PlaceDto, nullable: true, example: { code: '06', name: 'Alpes-Maritimes' } })
  departement!: PlaceDto | null;

  @ApiProperty({ type: PlaceDto, nullable: true, example: { code: '93', name: "Provence-Alpes-Côte d'Azur" } })
  region!: PlaceDto | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://azur-ia.fr' })
  website!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '11', description: "INSEE tranche d'effectif code." })
  headcountBand!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Éditeur niçois de solutions d’IA documentaire.' })
  description!: string | null;

  @ApiProperty({ example: true })
  verified!: boolean;

  @ApiProperty({ type: Date, nullable: true, example: '2026-11-25T10:00:00.000Z' })
  verifiedAt!: Date | null;

  @ApiProperty({
    type: [EstablishmentViewDto],
    description: 'Other declared sites; only those a curator confirmed count for proximity and locality.',
  })
  establishments!: EstablishmentViewDto[];
}

export class VendorDto extends VendorSummaryDto {
  @ApiProperty({ example: '62.01Z', description: 'NAF code of the main activity.' })
  nafCode!: string;

  @ApiProperty({ example: 2, description: 'Send it back in PATCH /vendors/:id.' })
  version!: number;

  @ApiProperty({ type: [OfferingSummaryDto], description: 'Published offerings (up to 100).' })
  publishedOfferings!: OfferingSummaryDto[];
}
