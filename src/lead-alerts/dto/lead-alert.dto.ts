import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { PageQueryDto } from '../../common/pagination.js';
import { CriterionDto, LeadNeedDto } from '../../matches/dto/match.dto.js';
import { DECLINE_REASONS, LEAD_ANSWERS, LEAD_ORIGINS, type DeclineReason, type LeadAnswer, type LeadOrigin } from '../lead-vocabulary.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export class LeadOfferingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Prévision des ventes pour commerces de proximité' }) title!: string;
}

export class LeadVendorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Prévi Ventes' }) name!: string;
}

/** The funnel of one need–vendor pair (issue 18): notified → opened → answered. */
export class LeadFunnelFields {
  @ApiProperty({
    enum: LEAD_ORIGINS,
    example: 'need_published',
    description: 'need_published: announced when the need was published; offering_changed: when the offering was published or changed.',
  })
  origin!: LeadOrigin;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 2,
    description: "The offering's rank for the need when announced at publication; null when announced from the offering's side.",
  })
  rank!: number | null;
  @ApiProperty({ example: 81.5, minimum: 0, maximum: 100 }) total!: number;
  @ApiProperty({ example: '2026-12-06T08:00:00.000Z' }) createdAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-12-06T08:00:05.000Z',
    description: 'First e-mail about it to one of the members.',
  })
  notifiedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-12-06T09:12:00.000Z',
    description: "First view of the lead's page by a member.",
  })
  openedAt!: string | null;
  @ApiProperty({ nullable: true, enum: LEAD_ANSWERS, type: String, example: 'interested' }) answer!: LeadAnswer | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-06T09:15:00.000Z' }) answeredAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Nous avons équipé trois boulangeries de la région.',
    description: 'The vendor’s note to the curators (interested only).',
  })
  message!: string | null;
  @ApiProperty({ nullable: true, enum: DECLINE_REASONS, type: String, example: null }) reason!: DeclineReason | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'The reason in words.' }) reasonLabel!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) comment!: string | null;
}

/** A lead as its vendor reads it: the need anonymised, as GET /offerings/:id/leads shows it. */
export class LeadAlertDto extends LeadFunnelFields {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: LeadOfferingDto }) offering!: LeadOfferingDto;
  @ApiProperty({ type: LeadNeedDto }) need!: LeadNeedDto;
  @ApiProperty({ example: true, description: 'False once the need is no longer published: answering is closed.' }) open!: boolean;
  @ApiProperty({ type: [CriterionDto], description: 'Why the need fits, as scored when announced.' }) criteria!: CriterionDto[];
  @ApiProperty({ example: '2026-12.2' }) scoringVersion!: string;
}

/** A lead as curators read it beside the need: the vendor named. */
export class NeedLeadDto extends LeadFunnelFields {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: LeadVendorDto }) vendor!: LeadVendorDto;
  @ApiProperty({ type: LeadOfferingDto }) offering!: LeadOfferingDto;
}

export class NeedLeadsDto {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({ example: 3 }) interested!: number;
  @ApiProperty({ type: [NeedLeadDto] }) items!: NeedLeadDto[];
}

export class ListLeadsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...LEAD_ANSWERS, 'none'], description: '`none`: not answered yet.' })
  @IsOmittable()
  @IsIn([...LEAD_ANSWERS, 'none'])
  answer?: LeadAnswer | 'none';
}

/**
 * "intéressé" (an optional note to the curators) or "pas intéressé" (a reason from the list, and a
 * comment when the reason is `other`). Answering again replaces the answer.
 */
export class AnswerLeadDto {
  @ApiProperty({ enum: LEAD_ANSWERS, example: 'interested' })
  @IsIn(LEAD_ANSWERS)
  answer!: LeadAnswer;

  @ApiPropertyOptional({ example: 'Nous avons équipé trois boulangeries de la région.', maxLength: 1000 })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @IsNotBlank()
  @MaxLength(1000)
  message?: string;

  @ApiPropertyOptional({ enum: DECLINE_REASONS, example: 'too_small', description: 'Required with not_interested.' })
  @IsOmittable()
  @IsIn(DECLINE_REASONS)
  reason?: DeclineReason;

  @ApiPropertyOptional({ example: 'Nous ne travaillons pas sous 10 000 €.', maxLength: 500, description: 'Required with reason `other`.' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @IsNotBlank()
  @MaxLength(500)
  comment?: string;
}
