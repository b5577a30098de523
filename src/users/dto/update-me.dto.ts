import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export const PHONE = /^\+?[0-9][0-9 .()-]{5,24}$/;

export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Marie Curie' })
  @IsOmittable()
  @IsString()
  @Length(1, 120)
  @IsNotBlank()
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+33 4 93 00 00 00', description: 'null removes it.' })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @Matches(PHONE, { message: '$property must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ example: 'a new long passphrase', description: 'Needs currentPassword; logs out every session.' })
  @IsOmittable()
  @IsString()
  @MaxLength(128)
  newPassword?: string;

  @ApiPropertyOptional({ example: 'the current long passphrase' })
  @ValidateIf((o: UpdateMeDto) => o.newPassword !== undefined)
  @IsString()
  @MaxLength(128)
  currentPassword?: string;
}
