import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export class InvitePartnerMemberDto {
  @ApiProperty({ example: 'claire.dupont@cote-azur.cci.fr' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Claire Dupont', maxLength: 120 })
  @IsString()
  @Length(1, 120)
  @IsNotBlank()
  displayName!: string;
}

/** A partner-admin: a user account acting for one partner. */
export class PartnerMemberDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'claire.dupont@cote-azur.cci.fr' })
  email!: string;

  @ApiProperty({ example: 'Claire Dupont' })
  displayName!: string;

  @ApiProperty({ example: '2026-12-06T09:00:00.000Z' })
  createdAt!: Date;
}
