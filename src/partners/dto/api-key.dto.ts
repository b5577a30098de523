import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { API_KEY_SCOPES, type ApiKeyScope } from '../partner-vocabulary.js';
import { IsInstant } from '../../common/validation/dates.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Serveur de diagnostics CCI', maxLength: 100, description: 'What the key is for, to tell keys apart.' })
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  label!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['needs:write', 'needs:read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes!: ApiKeyScope[];

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2027-06-30T00:00:00.000Z',
    description: 'After this instant the key answers 401; omitted, it lives until revoked.',
  })
  @IsOmittable()
  @IsInstant()
  expiresAt?: string;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  partnerId!: string;

  @ApiProperty({ example: 'Serveur de diagnostics CCI' })
  label!: string;

  @ApiProperty({ example: 'ciak_3f9a1c2b', description: 'The visible start of the key, to recognise it; the rest is never shown again.' })
  prefix!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['needs:write'] })
  scopes!: ApiKeyScope[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2027-06-30T00:00:00.000Z' })
  expiresAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null, description: 'To the minute.' })
  lastUsedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  revokedAt!: Date | null;

  @ApiProperty({ example: '2026-12-06T09:00:00.000Z' })
  createdAt!: Date;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    example: 'ciak_3f9a1c2b_Vt0d2Q8n3nq8lY3o6m0l7Y0p5bQ1k2J3s4T5u6V7w8x',
    description: 'The key, shown this once: only its SHA-256 is stored. Send it as `X-Api-Key`.',
  })
  secret!: string;
}
