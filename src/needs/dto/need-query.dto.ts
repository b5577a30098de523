import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { IsDepartementCode, IsRegionCode, IsUseCase } from '../../reference/validation/reference.validators.js';
import { NEED_STATUSES, type NeedStatus } from '../need-lifecycle.js';
import { IsInstant } from '../../common/validation/dates.js';

export const NEED_SORT_FIELDS = ['createdAt', 'updatedAt', 'submittedAt', 'publishedAt'] as const;
export type NeedSortField = (typeof NEED_SORT_FIELDS)[number];
export const NEED_SORTS = NEED_SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

export class ListNeedsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: NEED_STATUSES,
    example: 'submitted',
    description: 'status=submitted is the curator queue (oldest submission first).',
  })
  @IsOptional()
  @IsIn(NEED_STATUSES)
  status?: NeedStatus;

  @ApiPropertyOptional({ example: '93', description: 'Région code of the need.' })
  @IsOptional()
  @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ example: '06', description: 'Département code of the need.' })
  @IsOptional()
  @IsDepartementCode()
  departement?: string;

  @ApiPropertyOptional({ example: 'DOC_PROCESSING', description: 'Needs having this use case.' })
  @IsOptional()
  @IsUseCase()
  useCase?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'Created at or after this date or instant (ISO 8601).' })
  @IsOptional()
  @IsInstant()
  createdFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Created before this date or instant (ISO 8601), exclusive.' })
  @IsOptional()
  @IsInstant()
  createdTo?: string;

  @ApiPropertyOptional({
    enum: NEED_SORTS,
    example: '-createdAt',
    description: 'Field to sort on, `-` for descending. Default: submittedAt for status=submitted, -createdAt otherwise.',
  })
  @IsOptional()
  @IsIn(NEED_SORTS)
  sort?: string;
}
