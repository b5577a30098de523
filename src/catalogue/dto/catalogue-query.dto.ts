import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { DataResidency, SOVEREIGNTY_GRADES } from '../../reference/sovereignty/sovereignty.enums.js';
import { HARD_REQUIREMENTS } from '../../sovereignty/hard-requirements.js';
import { IsDepartementCode, IsNafCode, IsRegionCode, IsUseCase } from '../../reference/validation/reference.validators.js';

const DATA_RESIDENCIES = Object.values(DataResidency);

/** `?useCase=A&useCase=B` and `?useCase=A,B` both give ['A', 'B']. */
const list = ({ value }: { value: unknown }): unknown =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
        .map((v) => (typeof v === 'string' ? v.trim() : v))
        .filter((v) => v !== '');

export class CatalogueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: "reconnaissance d'images", description: 'Free text; typo-tolerant and accent-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['VISION_QUALITY_CONTROL'],
    description: 'Any of these use cases (repeat or comma-separate).',
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(18)
  @IsUseCase({ each: true })
  useCase?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['62'],
    description:
      'Any of these NAF sections or divisions, read through NAF: a section also finds the offerings filed under its divisions, a division those filed under its section.',
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(20)
  @IsNafCode({ levels: ['section', 'division'] }, { each: true })
  sector?: string[];

  @ApiPropertyOptional({ example: '93', description: 'Served in this région (national offerings included).' })
  @IsOptional()
  @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ example: '06', description: 'Served in this département (national offerings included).' })
  @IsOptional()
  @IsDepartementCode()
  departement?: string;

  @ApiPropertyOptional({ type: [String], enum: SOVEREIGNTY_GRADES, example: ['A', 'B'] })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(5)
  @IsIn(SOVEREIGNTY_GRADES, { each: true })
  grade?: string[];

  @ApiPropertyOptional({
    type: [String],
    enum: DATA_RESIDENCIES,
    example: ['FR'],
    description: 'Any of these data residencies (where customer data live).',
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(10)
  @IsIn(DATA_RESIDENCIES, { each: true })
  dataResidency?: string[];

  @ApiPropertyOptional({
    type: [String],
    enum: HARD_REQUIREMENTS,
    example: ['DATA_IN_FRANCE'],
    description: 'All of these hard requirements met.',
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(17)
  @IsIn(HARD_REQUIREMENTS, { each: true })
  requirement?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  vendorId?: string;
}
