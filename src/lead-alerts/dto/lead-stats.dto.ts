import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsOmittable } from '../../common/validation/is-omittable.js';
import type { NeedSource } from '../../needs/need.entity.js';
import { SourceFilter } from '../../stats/dto/stats-scope.dto.js';
import { DECLINE_REASONS } from '../lead-vocabulary.js';
import { IsCalendarDate } from '../../common/validation/dates.js';

export class LeadStatsQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-10-01',
    description: 'Leads created on or after this day (default: 1 year before `to`).',
  })
  @IsOmittable()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31', description: 'Leads created on or before this day (default: today).' })
  @IsOmittable()
  @IsCalendarDate()
  to?: string;

  @SourceFilter()
  source?: NeedSource;
}

export class LeadReasonCountDto {
  @ApiProperty({ enum: DECLINE_REASONS, example: 'too_small' }) reason!: string;
  @ApiProperty({ example: 'Budget trop faible pour nous' }) label!: string;
  @ApiProperty({ example: 4 }) count!: number;
}

/** Lead alerts' figures over a period: how many were sent, opened and answered. */
export class LeadStatsDto {
  @ApiProperty({ format: 'date', example: '2026-10-01' }) from!: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) to!: string;
  @ApiProperty({ example: 120, description: 'Leads created (need–vendor pairs announced).' }) leads!: number;
  @ApiProperty({ example: 96, description: 'Leads e-mailed to at least one member (instant or digest).' }) sent!: number;
  @ApiProperty({ example: 40, description: 'Sent leads whose page a member opened.' }) opened!: number;
  @ApiProperty({ example: 18 }) interested!: number;
  @ApiProperty({ example: 9 }) notInterested!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.42, description: 'opened / sent; null when nothing was sent.' }) openRate!:
    number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.19, description: 'interested / sent; null when nothing was sent.' })
  interestRate!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 20.5,
    description: 'Median hours from a need’s publication to its first « intéressé ».',
  })
  medianHoursToFirstInterest!: number | null;
  @ApiProperty({ type: [LeadReasonCountDto] }) notInterestedReasons!: LeadReasonCountDto[];
}
