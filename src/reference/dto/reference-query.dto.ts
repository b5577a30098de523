import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { NAF_LEVELS, type NafLevel } from '../data/naf.types.js';
import { IsDepartementCode, IsNafCode, IsRegionCode } from '../validation/reference.validators.js';

export class DepartementsQueryDto {
  @ApiPropertyOptional({ example: '93', description: 'Only the départements of this région.' })
  @IsOptional()
  @IsRegionCode()
  region?: string;
}

export class CommunesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'saint etienne',
    description: 'Start of the name (accents, case, hyphens and "St" do not matter), a postal code or its first digits, or an INSEE code.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '06', description: 'Only the communes of this département.' })
  @IsOptional()
  @IsDepartementCode()
  departement?: string;
}

export class SectorsQueryDto {
  @ApiPropertyOptional({ enum: NAF_LEVELS, default: 'section', example: 'division' })
  @IsOptional()
  @IsIn(NAF_LEVELS, { message: `level must be one of: ${NAF_LEVELS.join(', ')}` })
  level: NafLevel = 'section';

  @ApiPropertyOptional({ example: 'J', description: 'Only the codes under this code of a broader level (e.g. J, 62, 62.0).' })
  @IsOptional()
  @IsNafCode({ levels: NAF_LEVELS })
  parent?: string;
}
