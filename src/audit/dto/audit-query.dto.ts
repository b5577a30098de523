import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { IsInstant } from '../../common/validation/dates.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'need', description: 'Entity type: need, offering, organisation, user, introduction, matching_weights…' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  @IsNotBlank()
  @Matches(/^[a-z_]+$/, { message: '$property must be lower-case letters and underscores' })
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The user who acted.' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'need.publish' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  action?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'From this instant (inclusive), ISO 8601.' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Before this instant (exclusive), ISO 8601.' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ enum: ['createdAt', '-createdAt'], default: '-createdAt' })
  @IsOptional()
  @IsIn(['createdAt', '-createdAt'])
  sort: 'createdAt' | '-createdAt' = '-createdAt';
}
