import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length, MaxLength, registerDecorator, type ValidationOptions } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { PARTNER_KINDS, type PartnerKind } from '../partner-vocabulary.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

/**
 * A site that may frame the need form: an `https://` address of a named host (no IP literal) that
 * the URL parser reads. class-validator's `IsUrl` accepted addresses it does not (`https://xn--a.com`,
 * a 500 when the origin was taken), and IP literals such as `https://[::1]`.
 */
export function isHttpsOrigin(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const host = url.hostname;
  return (
    url.protocol === 'https:' && !url.username && !url.password && /^[a-z0-9.-]+\.[a-z0-9-]{2,}$/i.test(host) && !/^[\d.]+$/.test(host)
  );
}

function IsHttpsOrigin(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isHttpsOrigin',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: 'each value of $property must be an https:// address of a site, such as https://www.cote-azur.cci.fr',
        ...options,
      },
      validator: { validate: isHttpsOrigin },
    });
}

export class CreatePartnerDto {
  @ApiProperty({ example: "CCI Nice Côte d'Azur", maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
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
  @IsHttpsOrigin({ each: true })
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
