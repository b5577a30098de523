import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsObject, MaxLength, ValidateNested } from 'class-validator';
import { CreateNeedDto } from '../../needs/dto/need-input.dto.js';
import { NEED_STATUSES } from '../../needs/need-lifecycle.js';
import { CreateOrganisationDto } from '../../organisations/dto/organisation-input.dto.js';

export class CreatePartnerNeedDto {
  @ApiProperty({
    type: CreateOrganisationDto,
    description:
      'The buyer company. Known by its SIREN, its record is left as it is; unknown, it is created unverified with ' +
      'no member until the contact claims the draft. `buyerType` is required.',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => CreateOrganisationDto)
  company!: CreateOrganisationDto;

  @ApiProperty({
    example: 'dirigeante@boulangerie-nicoise.fr',
    description: 'Receives the invitation to claim, review and submit the draft.',
  })
  @IsEmail()
  @MaxLength(254)
  contactEmail!: string;

  @ApiProperty({ type: CreateNeedDto, description: 'The need as a buyer would type it (POST /needs).' })
  @IsObject()
  @ValidateNested()
  @Type(() => CreateNeedDto)
  need!: CreateNeedDto;
}

/** What a partner sees of a need it brought: no buyer data beyond what it sent itself. */
export class PartnerNeedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Tri automatique des courriers entrants' })
  title!: string;

  @ApiProperty({ enum: NEED_STATUSES, example: 'draft' })
  status!: string;

  @ApiProperty({ example: '552100554', description: 'The SIREN the partner sent.' })
  siren!: string;

  @ApiProperty({ example: '2026-12-06T09:00:00.000Z' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null, description: 'When the buyer claimed the draft.' })
  claimedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  submittedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  publishedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  closedAt!: Date | null;

  @ApiProperty({ example: 0, description: 'Introductions proposed on the need, whatever their state.' })
  introductions!: number;
}

export class PartnerNeedCreatedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['draft'], example: 'draft', description: 'Always a draft: only the buyer submits it.' })
  status!: 'draft';

  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2026-12-20T09:00:00.000Z',
    description: 'Until when the buyer may claim it.',
  })
  invitationExpiresAt!: Date;
}
