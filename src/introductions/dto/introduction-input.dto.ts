import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import {
  DECLINE_REASONS,
  INTRODUCTION_OUTCOMES,
  INTRODUCTION_STATUSES,
  type DeclineReason,
  type IntroductionOutcome,
  type IntroductionStatus,
} from '../introduction-lifecycle.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { DEAL_VALUE_BAND_KEYS, LOST_REASONS, type DealValueBand, type LostReason } from '../deal-outcome.js';
import { IsCalendarDate } from '../../common/validation/dates.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export class CreateIntroductionDto {
  @ApiProperty({ format: 'uuid', example: '3f6d2a1e-8c0b-4c1e-9a57-2b1f0f3c9e11', description: 'A published need.' })
  @IsUUID()
  needId!: string;

  @ApiProperty({
    format: 'uuid',
    example: '9b2f7c44-1d3a-4e8f-b6a0-5c7e2d9f1a08',
    description: 'A published offering, eligible for the need.',
  })
  @IsUUID()
  offeringId!: string;

  @ApiProperty({
    example:
      "Bonjour, l'assistant documentaire d'Azur IA couvre votre besoin de tri des courriers, hébergé en France. Nous vous proposons un premier échange.",
    maxLength: 4000,
    description: 'Why the curator suggests this pair; both sides read it.',
  })
  @IsString()
  @Length(1, 4000)
  @IsNotBlank()
  message!: string;
}

/** Every answer may carry the version the caller read: a stale one gets 409 STALE_VERSION. */
export class IntroductionTransitionDto {
  @ApiPropertyOptional({ example: 1, description: 'The version you read; when given and stale, 409 STALE_VERSION.' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class DeclineIntroductionDto extends IntroductionTransitionDto {
  @ApiProperty({ enum: DECLINE_REASONS, example: 'no_capacity' })
  @IsIn(DECLINE_REASONS)
  reason!: DeclineReason;

  @ApiPropertyOptional({
    example: "Notre équipe est complète jusqu'en juin.",
    maxLength: 2000,
    description: 'Required when reason is other.',
  })
  @ValidateIf((o: DeclineIntroductionDto) => o.reason === 'other' || o.comment !== undefined)
  @IsString()
  @Length(1, 2000)
  @IsNotBlank()
  comment?: string;
}

export class IntroductionOutcomeDto extends IntroductionTransitionDto {
  @ApiProperty({ enum: INTRODUCTION_OUTCOMES, example: 'won', description: 'won: the buyer chose this vendor; lost: it did not.' })
  @IsIn(INTRODUCTION_OUTCOMES)
  outcome!: IntroductionOutcome;

  @ApiPropertyOptional({
    enum: DEAL_VALUE_BAND_KEYS,
    example: '5k_20k',
    description:
      'Won: the deal value band in euros excl. VAT (under_5k, 5k_20k, 20k_50k, 50k_150k, over_150k). The vendor or buyer gives it or amountEur; derived from amountEur when only that is given.',
  })
  @IsOmittable()
  @IsIn(DEAL_VALUE_BAND_KEYS)
  valueBand?: DealValueBand;

  @ApiPropertyOptional({
    example: 18000,
    minimum: 0,
    description: 'Won: the exact amount in euros excl. VAT, when it may be told; must fall in valueBand.',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  amountEur?: number;

  @ApiPropertyOptional({ example: '2027-02-01', description: 'Won: the date the work starts (required from the vendor or buyer).' })
  @IsOmittable()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ example: false, description: 'Won: whether the deal may be shown publicly as a reference (false when absent).' })
  @IsOmittable()
  @IsBoolean()
  public?: boolean;

  @ApiPropertyOptional({ enum: LOST_REASONS, example: 'competitor', description: 'Lost: why (required from the vendor or buyer).' })
  @IsOmittable()
  @IsIn(LOST_REASONS)
  lostReason?: LostReason;

  @ApiPropertyOptional({
    example: 'Le projet a été confié à notre prestataire historique.',
    maxLength: 2000,
    description: 'Lost: required when lostReason is other.',
  })
  @IsOmittable()
  @IsString()
  @Length(1, 2000)
  @IsNotBlank()
  lostComment?: string;
}

export class ListIntroductionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INTRODUCTION_STATUSES, example: 'proposed' })
  @IsOmittable()
  @IsIn(INTRODUCTION_STATUSES)
  status?: IntroductionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  needId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  offeringId?: string;
}
