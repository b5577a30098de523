import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { PARTNER_KINDS, type PartnerKind } from '../partner-vocabulary.js';

export class CreatePartnerDto {
  @ApiProperty({ example: "CCI Nice Côte d'Azur", maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: PARTNER_KINDS, example: 'cci' })
  @IsIn(PARTNER_KINDS)
  kind!: PartnerKind;

  @ApiPropertyOptional({
    type: [String],
    example: ['https://www.cote-azur.cci.fr'],
    description: 'Sites allowed to embed the need form (frame-ancestors); HTTPS origins.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @MaxLength(200, { each: true })
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: true }, { each: true })
  allowedOrigins?: string[];
}

export class PartnerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: "CCI Nice Côte d'Azur" })
  name!: string;

  @ApiProperty({ enum: PARTNER_KINDS, example: 'cci' })
  kind!: PartnerKind;

  @ApiProperty({ type: [String], example: ['https://www.cote-azur.cci.fr'] })
  allowedOrigins!: string[];

  @ApiProperty({ example: '2026-12-06T09:00:00.000Z' })
  createdAt!: Date;
}
