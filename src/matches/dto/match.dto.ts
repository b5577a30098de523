import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CRITERIA, type Criterion } from '../scoring/weights.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class MatchesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({
    default: false,
    description: 'Curators and admins only: also list the offerings a rule excluded (403 for buyers).',
  })
  @IsOmittable()
  @Transform(toBoolean)
  @IsBoolean()
  includeExcluded?: boolean;
}

export class LeadsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class WeightsDto {
  @ApiProperty({ example: 30, minimum: 0, maximum: 100 }) useCase!: number;
  @ApiProperty({ example: 20, minimum: 0, maximum: 100 }) proximity!: number;
  @ApiProperty({ example: 20, minimum: 0, maximum: 100 }) sovereignty!: number;
  @ApiProperty({ example: 15, minimum: 0, maximum: 100 }) sector!: number;
  @ApiProperty({ example: 10, minimum: 0, maximum: 100 }) text!: number;
  @ApiProperty({ example: 5, minimum: 0, maximum: 100 }) fit!: number;
}

/**
 * PUT /matching/weights. Each field is declared loosely here and checked by the pure
 * `weightProblems` (integers 0–100, at least one positive), so the API and the core agree.
 */
export class UpdateWeightsDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 30 }) @IsOptional() useCase?: unknown;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 20 }) @IsOptional() proximity?: unknown;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 20 }) @IsOptional() sovereignty?: unknown;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 15 }) @IsOptional() sector?: unknown;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 10 }) @IsOptional() text?: unknown;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 5 }) @IsOptional() fit?: unknown;
}

export class MatchingWeightsDto {
  @ApiProperty({ type: WeightsDto }) weights!: WeightsDto;
  @ApiProperty({ example: 3, description: 'Incremented on each change; 0 while the defaults apply.' }) version!: number;
  @ApiProperty({ example: true }) isDefault!: boolean;
  @ApiProperty({ example: '2026-12.2' }) scoringVersion!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-20T10:00:00.000Z' }) updatedAt!: string | null;
  @ApiProperty({ type: WeightsDto, description: 'The defaults of DESIGN §5.3.' }) defaults!: WeightsDto;
}

export class CriterionDto {
  @ApiProperty({ enum: CRITERIA, example: 'proximity' }) criterion!: Criterion;
  @ApiProperty({ example: 'Proximité' }) label!: string;
  @ApiProperty({ example: 100, minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ example: 20 }) weight!: number;
  @ApiProperty({
    example: 20,
    description: 'Points added to the total: score × weight / Σ weights (the contributions add up to the total).',
  })
  contribution!: number;
  @ApiProperty({ example: 'Fournisseur présent dans le même département (siège à Valbonne).' }) reason!: string;
}

export class MatchGradeDto {
  @ApiProperty({ enum: ['A', 'B', 'C', 'D', 'E'], example: 'A' }) grade!: string;
  @ApiProperty({ example: 92 }) score!: number;
  @ApiProperty({ example: false }) verified!: boolean;
  @ApiProperty({ enum: ['vérifié', 'déclaratif'], example: 'déclaratif' }) label!: string;
}

export class MatchedOfferingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Assistant documentaire souverain' }) title!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Un assistant RAG hébergé en France.' }) summary!: string | null;
  @ApiProperty({ type: [String], example: ['KNOWLEDGE_ASSISTANT_RAG'] }) useCases!: string[];
  @ApiProperty({ type: [String], example: ['84'] }) sectors!: string[];
  @ApiProperty({ nullable: true, type: Number, example: 3000 }) minBudgetEur!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 20000 }) maxBudgetEur!: number | null;
}

/** The vendor's public profile only: no member, no e-mail, no phone. */
export class PublicVendorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Azur IA' }) name!: string;
  @ApiProperty({ example: '06152' }) communeCode!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Valbonne' }) communeName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '06' }) departementCode!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Alpes-Maritimes' }) departementName!: string | null;
  @ApiProperty({ example: true }) verified!: boolean;
}

export class MatchDto {
  @ApiProperty({ example: 1 }) rank!: number;
  @ApiProperty({ example: 87.5 }) total!: number;
  @ApiProperty({ type: [CriterionDto] }) criteria!: CriterionDto[];
  @ApiProperty({ type: MatchGradeDto }) grade!: MatchGradeDto;
  @ApiProperty({ enum: ['same_departement', 'adjacent_departement', 'same_region', 'adjacent_region', 'on_site', 'remote', 'out_of_area'] })
  proximity!: string;
  @ApiProperty({ type: MatchedOfferingDto }) offering!: MatchedOfferingDto;
  @ApiProperty({ type: PublicVendorDto }) vendor!: PublicVendorDto;
}

export class ExclusionDto {
  @ApiProperty({ example: 'DATA_IN_FRANCE' }) rule!: string;
  @ApiProperty({ example: 'Les données ne sont pas stockées et traitées en France.' }) reason!: string;
}

export class ExcludedOfferingDto {
  @ApiProperty({ type: MatchedOfferingDto }) offering!: MatchedOfferingDto;
  @ApiProperty({ type: PublicVendorDto }) vendor!: PublicVendorDto;
  @ApiProperty({ type: MatchGradeDto }) grade!: MatchGradeDto;
  @ApiProperty({ type: [ExclusionDto] }) exclusions!: ExclusionDto[];
}

/** An offering shown to curators under "autres pistes": not a match, with why (issue 26). */
export const OTHER_LEAD_KINDS = ['off_topic', 'out_of_reach'] as const;
export type OtherLeadKind = (typeof OTHER_LEAD_KINDS)[number];

export class WiderReachDto {
  @ApiProperty({ enum: ['regional', 'national'], example: 'national' }) reach!: 'regional' | 'national';
  @ApiProperty({ example: 6, description: 'Eligible offerings sharing a use case that this wider reach would add.' }) more!: number;
}

export class OtherLeadDto {
  @ApiProperty({ type: MatchedOfferingDto }) offering!: MatchedOfferingDto;
  @ApiProperty({ type: PublicVendorDto }) vendor!: PublicVendorDto;
  @ApiProperty({ type: MatchGradeDto }) grade!: MatchGradeDto;
  @ApiProperty({
    enum: OTHER_LEAD_KINDS,
    description:
      "off_topic: no shared use case and low text relevance; out_of_reach: on topic, but the vendor is outside the need's reach.",
  })
  kind!: OtherLeadKind;
  @ApiProperty({ example: 'Hors du périmètre régional demandé (fournisseur basé à Lille).' }) reason!: string;
}

export class MatchesDto {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ example: '2026-12.2' }) scoringVersion!: string;
  @ApiProperty({ type: WeightsDto }) weights!: WeightsDto;
  @ApiProperty({ example: 1, description: 'Version of the weights row used (0 = defaults).' }) weightsVersion!: number;
  @ApiProperty({
    example: 42,
    description:
      'Eligible candidates: sharing a use case, plus those found by text alone when text retrieval ran (skipped when none could reach the top).',
  })
  candidates!: number;
  @ApiProperty({ type: [MatchDto] }) items!: MatchDto[];
  @ApiPropertyOptional({ type: [ExcludedOfferingDto], description: 'Only with includeExcluded=true (curators, admins).' })
  excluded?: ExcludedOfferingDto[];
  @ApiPropertyOptional({
    type: [OtherLeadDto],
    description: 'Only with includeExcluded=true (curators, admins): "autres pistes", never matches nor leads.',
  })
  otherLeads?: OtherLeadDto[];
}

/** A need as a vendor sees it in leads: anonymised (no organisation, no person, département only). */
export class LeadNeedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Tri automatique des courriers entrants' }) title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ type: [String], example: ['DOC_PROCESSING'] }) useCases!: string[];
  @ApiProperty({ nullable: true, type: String, example: '84.11Z' }) sector!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '06' }) departementCode!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Alpes-Maritimes' }) departementName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'collectivite' }) buyerType!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 5000 }) minBudgetEur!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 20000 }) maxBudgetEur!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-01-15' }) desiredStart!: string | null;
}

export class LeadDto {
  @ApiProperty({ example: 1 }) rank!: number;
  @ApiProperty({ example: 81.5 }) total!: number;
  @ApiProperty({ type: [CriterionDto] }) criteria!: CriterionDto[];
  @ApiProperty({ type: LeadNeedDto }) need!: LeadNeedDto;
}

export class LeadsDto {
  @ApiProperty({ format: 'uuid' }) offeringId!: string;
  @ApiProperty({ example: '2026-12.2' }) scoringVersion!: string;
  @ApiProperty({ type: WeightsDto }) weights!: WeightsDto;
  @ApiProperty({ type: [LeadDto] }) items!: LeadDto[];
}

export class MarketDepthDto {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ example: 'draft' }) needStatus!: string;
  @ApiProperty({ example: 12, description: 'Eligible offerings sharing a use case with the need (text relevance ignored).' })
  eligible!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { A: 2, B: 5, C: 3, D: 1, E: 1 },
    description: 'Eligible offerings per sovereignty grade.',
  })
  byGrade!: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { same_departement: 3, adjacent_departement: 1, same_region: 2, adjacent_region: 0, on_site: 4, remote: 2 },
  })
  byProximity!: Record<string, number>;
  @ApiProperty({
    example: 7,
    description: 'Of which a vendor has its head office or a confirmed establishment in the need’s département or a neighbour.',
  })
  local!: number;
  @ApiProperty({
    type: [WiderReachDto],
    description: "How many more offerings each wider reach than the need's would bring (empty for a national need).",
    example: [{ reach: 'national', more: 6 }],
  })
  widerReach!: WiderReachDto[];
}
