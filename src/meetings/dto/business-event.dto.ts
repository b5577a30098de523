import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsCommuneCode } from '../../reference/validation/reference.validators.js';
import { EVENT_ACTIONS, EVENT_STATUSES, type EventAction, type EventStatus } from '../event-lifecycle.js';
import { IsCalendarDate, IsInstant } from '../../common/validation/dates.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A curator drafts an event: the day, the place, the hours, the tables and the rules of registration. */
export class CreateBusinessEventDto {
  @ApiProperty({ example: "Osez l'IA — rendez-vous d'affaires Côte d'Azur", minLength: 3, maxLength: 200 })
  @IsString()
  @Length(3, 200)
  @IsNotBlank()
  title!: string;

  @ApiPropertyOptional({
    example: 'Une matinée de rendez-vous de 20 minutes entre PME, collectivités et fournisseurs d’IA français.',
    maxLength: 4000,
  })
  @IsOmittable()
  @IsString()
  @Length(1, 4000)
  @IsNotBlank()
  description?: string;

  @ApiProperty({ example: '2027-03-18', description: 'The day of the meetings (local date).' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: '06088', description: 'INSEE code of the commune where the event takes place.' })
  @IsCommuneCode()
  communeCode!: string;

  @ApiPropertyOptional({ example: 'CCI Nice Côte d’Azur, 20 boulevard Carabacel', maxLength: 300 })
  @IsOmittable()
  @IsString()
  @Length(1, 300)
  @IsNotBlank()
  venue?: string;

  @ApiProperty({ example: '09:00', description: 'Opening time, local "HH:MM".' })
  @Matches(CLOCK)
  opensAt!: string;

  @ApiProperty({ example: '12:30', description: 'Closing time, local "HH:MM": the last meeting ends by then.' })
  @Matches(CLOCK)
  closesAt!: string;

  @ApiProperty({ example: 20, minimum: 5, maximum: 240, description: 'Length of one meeting, in minutes (one slot).' })
  @IsInt()
  @Min(5)
  @Max(240)
  meetingMinutes!: number;

  @ApiProperty({ example: 40, minimum: 1, maximum: 500 })
  @IsInt()
  @Min(1)
  @Max(500)
  tables!: number;

  @ApiProperty({ example: 300, minimum: 2, maximum: 5000, description: 'Most attendees, buyers and vendors together.' })
  @IsInt()
  @Min(2)
  @Max(5000)
  capacity!: number;

  @ApiPropertyOptional({
    example: 8,
    minimum: 1,
    maximum: 30,
    default: 8,
    description: 'Most counterparts each attendee may wish to meet.',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(30)
  wishesPerAttendee?: number;

  @ApiProperty({ example: '2027-03-11T18:00:00.000Z', description: 'Registration and wishes close at this instant.' })
  @IsInstant()
  registrationDeadline!: string;
}

export class EventTransitionDto {
  @ApiPropertyOptional({ example: 2, description: 'The version you read; when given and stale, 409 STALE_VERSION.' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

/** What anyone may read of an event that is open or past: no curator, no attendee. */
export class PublicBusinessEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: "Osez l'IA — rendez-vous d'affaires Côte d'Azur" }) title!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Une matinée de rendez-vous de 20 minutes.' }) description!: string | null;
  @ApiProperty({ example: '2027-03-18' }) date!: string;
  @ApiProperty({ example: '06088' }) communeCode!: string;
  @ApiProperty({ example: 'Nice' }) communeName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'CCI Nice Côte d’Azur' }) venue!: string | null;
  @ApiProperty({ example: '09:00' }) opensAt!: string;
  @ApiProperty({ example: '12:30' }) closesAt!: string;
  @ApiProperty({ example: 20 }) meetingMinutes!: number;
  @ApiProperty({ type: [String], example: ['09:00', '09:20', '09:40'], description: 'Start of each meeting slot.' }) slots!: string[];
  @ApiProperty({ example: 40 }) tables!: number;
  @ApiProperty({ example: 300 }) capacity!: number;
  @ApiProperty({ example: 8 }) wishesPerAttendee!: number;
  @ApiProperty({ example: '2027-03-11T18:00:00.000Z' }) registrationDeadline!: string;
  @ApiProperty({ enum: EVENT_STATUSES, example: 'open' }) status!: EventStatus;
  @ApiProperty({ example: true, description: 'Open, and the deadline has not passed.' }) registrationOpen!: boolean;
}

/** The curator's view: the public fields with the version and the actions the state allows. */
export class BusinessEventDto extends PublicBusinessEventDto {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ enum: EVENT_ACTIONS, isArray: true, example: ['close'] }) allowedActions!: EventAction[];
  @ApiProperty({ example: '2026-12-06T08:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-12-06T08:00:00.000Z' }) updatedAt!: string;
}
