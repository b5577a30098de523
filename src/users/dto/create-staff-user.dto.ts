import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PHONE } from './update-me.dto.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export const STAFF_ROLES = ['curator', 'admin'] as const;

export class CreateStaffUserDto {
  @ApiProperty({ example: 'jeanne.baret@maison-ia.fr' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'a long passphrase for jeanne', description: '12+ characters, not common, not containing the e-mail.' })
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiProperty({ example: 'Jeanne Baret' })
  @IsString()
  @Length(1, 120)
  @IsNotBlank()
  displayName!: string;

  @ApiPropertyOptional({ example: '+33 4 93 00 00 01' })
  @IsOmittable()
  @Matches(PHONE, { message: '$property must be a phone number' })
  phone?: string;

  @ApiProperty({ enum: STAFF_ROLES, example: 'curator' })
  @IsIn(STAFF_ROLES)
  role!: (typeof STAFF_ROLES)[number];
}
