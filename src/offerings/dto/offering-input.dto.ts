import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsOptional,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CLAIM_KEYS, type ClaimKey } from '../../sovereignty/sovereignty-claims.js';
import { BUYER_TYPES, type BuyerType } from '../../reference/organisation-kinds.js';
import { IsDepartementCode, IsNafCode, IsRegionCode, IsUseCase } from '../../reference/validation/reference.validators.js';
import { PRICING_MODELS, type PricingModel } from '../offering.entity.js';
import { SovereigntyProfileDto } from './sovereignty-profile.dto.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsCalendarDate } from '../../common/validation/dates.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

const MAX_EUR = 100_000_000;

export class ServiceAreaDto {
  @ApiProperty({ example: false, description: 'Serves all of France.' })
  @IsBoolean()
  national!: boolean;

  @ApiProperty({ type: [String], example: ['93'], description: 'Région codes (GET /reference/regions).' })
  @IsArray()
  @ArrayMaxSize(18)
  @ArrayUnique()
  @IsRegionCode({ each: true })
  regions!: string[];

  @ApiProperty({ type: [String], example: ['06', '83'], description: 'Département codes (GET /reference/departements).' })
  @IsArray()
  @ArrayMaxSize(101)
  @ArrayUnique()
  @IsDepartementCode({ each: true })
  departements!: string[];

  @ApiProperty({ example: true, description: 'Can deliver remotely, wherever the buyer is.' })
  @IsBoolean()
  remoteDelivery!: boolean;
}

export class PricingDto {
  @ApiProperty({ enum: PRICING_MODELS, example: 'subscription' })
  @IsIn(PRICING_MODELS)
  model!: PricingModel;

  @ApiPropertyOptional({ example: 3000, description: 'Integer euros (HT).' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_EUR)
  minBudgetEur?: number;

  @ApiPropertyOptional({ example: 20000, description: 'Integer euros (HT); at least minBudgetEur.' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_EUR)
  maxBudgetEur?: number;
}

export class ReferencesDto {
  @ApiProperty({ example: 12, description: 'Number of client references.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  count!: number;

  @ApiProperty({ type: [String], example: ['C', '84'], description: 'NAF sections or divisions of the referenced clients.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsNafCode({ levels: ['section', 'division'] }, { each: true })
  sectors!: string[];
}

/** Evidence the vendor provides for one claim of the profile (e.g. the SecNumCloud visa). */
export class ClaimEvidenceDto {
  @ApiProperty({ enum: CLAIM_KEYS, example: 'certifications.secNumCloud' })
  @IsIn(CLAIM_KEYS)
  claim!: ClaimKey;

  @ApiPropertyOptional({ example: 'https://cyber.gouv.fr/produits-services-qualifies' })
  @IsOmittable()
  @MaxLength(500)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  url?: string;

  @ApiPropertyOptional({ example: 'ANSSI-CSPN-2026-01', description: 'Reference of a document (certificate number, file id).' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  documentRef?: string;

  @ApiPropertyOptional({ example: '2028-06-30', description: 'ISO date until which the evidence is valid.' })
  @IsOmittable()
  @IsCalendarDate()
  validUntil?: string;
}

export class CreateOfferingDto {
  @ApiProperty({ example: 'Assistant documentaire souverain pour mairies' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  title!: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Un assistant RAG hébergé en France qui répond aux agents à partir de vos délibérations.',
    nullable: true,
    description: 'null clears it (a summary is needed to publish).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @IsNotBlank()
  summary?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: 'Indexation des documents internes, réponses sourcées, hébergement SecNumCloud…',
    nullable: true,
    description: 'null clears it.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 10000)
  @IsNotBlank()
  description?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['KNOWLEDGE_ASSISTANT_RAG'],
    description: 'Use-case codes (GET /reference/use-cases); one at least to publish.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(18)
  @ArrayUnique()
  @IsUseCase({ each: true })
  useCases?: string[];

  @ApiPropertyOptional({ type: [String], example: ['84'], description: 'NAF sections or divisions; empty = cross-sector.' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsNafCode({ levels: ['section', 'division'] }, { each: true })
  sectors?: string[];

  @ApiPropertyOptional({ type: ServiceAreaDto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ServiceAreaDto)
  serviceArea?: ServiceAreaDto;

  @ApiPropertyOptional({ type: PricingDto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => PricingDto)
  pricing?: PricingDto;

  @ApiPropertyOptional({ enum: BUYER_TYPES, isArray: true, example: ['collectivite', 'pme'] })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(BUYER_TYPES, { each: true })
  targetBuyerTypes?: BuyerType[];

  @ApiPropertyOptional({ type: ReferencesDto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ReferencesDto)
  references?: ReferencesDto;

  @ApiPropertyOptional({ type: SovereigntyProfileDto, description: 'The whole profile; required to publish.' })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => SovereigntyProfileDto)
  sovereignty?: SovereigntyProfileDto;

  @ApiPropertyOptional({ type: [ClaimEvidenceDto], description: 'Evidence per claim; a claim listed here replaces its previous evidence.' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(CLAIM_KEYS.length)
  @ValidateNested({ each: true })
  @Type(() => ClaimEvidenceDto)
  evidence?: ClaimEvidenceDto[];
}

export class UpdateOfferingDto extends PartialType(CreateOfferingDto, { skipNullProperties: false }) {
  @ApiProperty({ example: 1, description: 'The version you read; a concurrent change makes the update fail with 409 STALE_VERSION.' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class VerifyClaimDto {
  @ApiPropertyOptional({ example: 'Visa ANSSI vérifié sur cyber.gouv.fr.' })
  @IsOmittable()
  @IsString()
  @Length(1, 2000)
  @IsNotBlank()
  comment?: string;

  @ApiPropertyOptional({
    example: '2028-06-30',
    description:
      "Validity date of the evidence as the curator read it; replaces the vendor's. The verification holds until that day (decision 026); a past date is refused.",
  })
  @IsOmittable()
  @IsCalendarDate()
  validUntil?: string;
}

export class RejectClaimDto {
  @ApiProperty({ example: "Le visa présenté couvre l'hébergeur, pas l'offre." })
  @IsString()
  @Length(1, 2000)
  @IsNotBlank()
  comment!: string;
}
