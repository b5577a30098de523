import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { CriterionDto, LeadNeedDto } from '../../matches/dto/match.dto.js';
import { IsCommuneCode, IsUseCase } from '../../reference/validation/reference.validators.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

/** A need created as a draft at registration: the fields the ranking needs, checked as a need's creation checks them. */
export class EventDraftNeedDto {
  @ApiProperty({ example: 'Prévoir les ventes de la boulangerie', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  title!: string;

  @ApiProperty({ example: 'Nous voulons prévoir les ventes de chaque jour pour réduire les invendus.', maxLength: 10000 })
  @IsString()
  @Length(1, 10000)
  @IsNotBlank()
  description!: string;

  @ApiProperty({ example: '06088', description: 'INSEE commune where the need is.' })
  @IsCommuneCode()
  communeCode!: string;

  @ApiProperty({ type: [String], example: ['FORECASTING'], description: 'AI use-case codes (GET /reference/use-cases), at least one.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(18)
  @ArrayUnique()
  @IsUseCase({ each: true })
  useCases!: string[];
}

/** A buyer registers with one of its published needs or a draft created on the spot, a vendor with its published offerings. */
export class RegisterForEventDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Buyers: one of the organisation's published needs (or draftNeed)." })
  @IsOmittable()
  @IsUUID()
  needId?: string;

  @ApiPropertyOptional({
    type: EventDraftNeedDto,
    description: 'Buyers, instead of needId: a need created as a draft in the same transaction as the registration.',
  })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => EventDraftNeedDto)
  draftNeed?: EventDraftNeedDto;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "Vendors: one or more of the organisation's published offerings." })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  offeringIds?: string[];

  @ApiProperty({ type: [Number], example: [0, 1, 2, 3, 4, 5], description: "Indices of the event's slots the attendee can attend." })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  availableSlots!: number[];

  @ApiPropertyOptional({
    example: 6,
    minimum: 1,
    maximum: 100,
    description: 'Most meetings over the day; defaults to, and is capped at, the number of available slots.',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(100)
  maxMeetings?: number;
}

export class AttendeeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['buyer', 'vendor'], example: 'buyer' }) role!: 'buyer' | 'vendor';
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) needId!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) offeringIds!: string[];
  @ApiProperty({ type: [Number], example: [0, 1, 2] }) availableSlots!: number[];
  @ApiProperty({ example: 6 }) maxMeetings!: number;
}

/** A counterpart the ranking proposes: a vendor's offering (to a buyer) or an anonymised need (to a vendor). */
export class ProposalDto {
  @ApiProperty({ format: 'uuid', description: "The counterpart attendee's id, to wish for." }) attendeeId!: string;
  @ApiProperty({ example: 81.5 }) total!: number;
  @ApiProperty({ type: [CriterionDto] }) criteria!: CriterionDto[];
  @ApiProperty({ type: String, nullable: true, example: 'Prévi Ventes', description: 'Buyers see the vendor; vendors see null.' })
  vendorName!: string | null;
  @ApiProperty({ example: 'Prévision des ventes pour commerces de proximité' }) offeringTitle!: string;
  @ApiProperty({ type: LeadNeedDto, nullable: true, description: 'Vendors see the need anonymised; buyers see null.' })
  need!: LeadNeedDto | null;
  @ApiProperty({ example: true }) wished!: boolean;
}

export class ProposalsDto {
  @ApiProperty({ example: 8 }) maxWishes!: number;
  @ApiProperty({ type: [ProposalDto] }) items!: ProposalDto[];
}

export class SetWishesDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: "Counterpart attendee ids among the proposals, at most the event's wishes per attendee.",
  })
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attendeeIds!: string[];
}

/** One seated meeting as its attendees and curators see it; the buyer is named once seated. */
export class EventMeetingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 3 }) slot!: number;
  @ApiProperty({ example: '10:00' }) startsAt!: string;
  @ApiProperty({ example: '10:20' }) endsAt!: string;
  @ApiProperty({ example: 12 }) table!: number;
  @ApiProperty({ example: 'Commune de Nice' }) buyerName!: string;
  @ApiProperty({ example: 'Prévi Ventes' }) vendorName!: string;
  @ApiProperty({ example: 'Prévision des ventes pour commerces de proximité' }) offeringTitle!: string;
  @ApiProperty({ example: 81.5 }) score!: number;
  @ApiProperty({ enum: ['scheduled', 'held', 'no_show'], example: 'scheduled', description: 'held or no_show once checked in on the day.' })
  status!: 'scheduled' | 'held' | 'no_show';
}

export class ScheduleRunDto {
  @ApiProperty({ example: 128 }) meetings!: number;
  @ApiProperty({ example: 0, description: 'Confirmed meetings kept where they were.' }) kept!: number;
  @ApiProperty({ enum: ['optimal', 'time_limit', 'heuristic'], example: 'optimal' }) status!: string;
  @ApiProperty({ example: 0, description: 'Relative gap to the proven bound; 0 when proved optimal.' }) gap!: number;
}

export class MarkMeetingDto {
  @ApiProperty({
    enum: ['held', 'no_show'],
    example: 'held',
    description: 'held: both sides came (the meeting becomes an introduction); no_show: one did not.',
  })
  @IsIn(['held', 'no_show'])
  outcome!: 'held' | 'no_show';
}

export class MarkedMeetingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['held', 'no_show'], example: 'held' }) status!: 'held' | 'no_show';
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The introduction, at meeting_held, that follows a held meeting.',
  })
  introductionId!: string | null;
}

export class EventFiguresDto {
  @ApiProperty({ example: 128, description: 'Meetings holding a seat (scheduled, held or missed).' }) seated!: number;
  @ApiProperty({ example: 110 }) held!: number;
  @ApiProperty({ example: 9 }) noShows!: number;
  @ApiProperty({ example: 4 }) cancelled!: number;
  @ApiProperty({ example: 110, description: 'Introductions the held meetings became.' }) introductions!: number;
  @ApiProperty({ example: 12, description: 'Of those, introductions won.' }) won!: number;
}

/** A curator adds a pair the ranking did not propose, or removes one it did. */
export class PairOverrideDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() buyerAttendeeId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() vendorAttendeeId!: string;
  @ApiProperty({
    enum: ['added', 'removed'],
    example: 'added',
    description: 'added: seated as if one side wished it; removed: never seated.',
  })
  @IsIn(['added', 'removed'])
  kind!: 'added' | 'removed';
  @ApiPropertyOptional({ format: 'uuid', description: "With `added`: which of the vendor's registered offerings (default: its first)." })
  @IsOmittable()
  @IsUUID()
  offeringId?: string;
}

export class MoveMeetingDto {
  @ApiProperty({ example: 2, description: "The new slot's index in the day (0 = the first)." })
  @IsInt()
  @Min(0)
  @Max(1000)
  slot!: number;
  @ApiProperty({ example: 1, description: 'The new table, numbered from 1.' })
  @IsInt()
  @Min(1)
  @Max(1000)
  table!: number;
}

export class SwapMeetingsDto {
  @ApiProperty({ format: 'uuid', description: 'The scheduled meeting whose slot and table this one takes, and the other way round.' })
  @IsUUID()
  otherMeetingId!: string;
}
