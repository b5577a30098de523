import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsEmail, IsIn, IsNotEmpty, IsObject, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CreateOrganisationDto } from '../../organisations/dto/organisation-input.dto.js';
import { MeDto } from '../../users/dto/user.dto.js';
import { PHONE } from '../../users/dto/update-me.dto.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { TERMS_VERSION } from '../../account-links/terms.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export const SELF_SERVICE_ROLES = ['vendor', 'buyer'] as const;

export class RegisterDto {
  @ApiProperty({ example: 'marie.curie@azur-ia.fr', description: 'Unique, case-insensitively.' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'a long and unusual passphrase', description: '12+ characters, not common, not containing the e-mail.' })
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiProperty({ example: 'Marie Curie' })
  @IsString()
  @Length(1, 120)
  @IsNotBlank()
  displayName!: string;

  @ApiPropertyOptional({ example: '+33 4 93 00 00 00' })
  @IsOmittable()
  @Matches(PHONE, { message: '$property must be a phone number' })
  phone?: string;

  @ApiProperty({ enum: SELF_SERVICE_ROLES, example: 'vendor', description: 'Also the kind of the organisation.' })
  @IsIn(SELF_SERVICE_ROLES)
  role!: (typeof SELF_SERVICE_ROLES)[number];

  @ApiProperty({
    type: CreateOrganisationDto,
    description:
      'A new SIREN creates the organisation and makes you its first active member. A SIREN already registered ' +
      'for this kind makes you a pending member (the other organisation fields are then ignored) until an ' +
      'approved member or a curator approves you.',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => CreateOrganisationDto)
  organisation!: CreateOrganisationDto;

  @ApiProperty({
    example: true,
    description:
      `Required: the person accepts the terms of use (/app/mentions-legales) and the privacy notice (/app/donnees-personnelles). ` +
      `Recorded with its date and the version in force (${TERMS_VERSION}).`,
  })
  @Equals(true, { message: 'acceptTerms must be true: the terms of use and the privacy notice must be accepted' })
  acceptTerms!: boolean;
}

export class LoginDto {
  @ApiProperty({ example: 'marie.curie@azur-ia.fr' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'a long and unusual passphrase' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({
    example: 'mJ2c4Wq1o0m8o0yW8Zr7m7b8H3aQ0d2qS4Pz6ytlN3E',
    description: 'The refresh token from login, register or the last refresh.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class TokensDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…', description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @ApiProperty({ example: 'mJ2c4Wq1o0m8o0yW8Zr7m7b8H3aQ0d2qS4Pz6ytlN3E', description: 'Single use: each refresh returns a new one.' })
  refreshToken!: string;

  @ApiProperty({ example: '2026-12-25T10:00:00.000Z' })
  refreshTokenExpiresAt!: Date;
}

export class AuthResponseDto extends TokensDto {
  @ApiProperty({ type: MeDto })
  user!: MeDto;
}
