import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { NEED_SOURCES, type NeedSource } from '../../needs/need.entity.js';
import { StatsPeriodQueryDto } from './stats-period.dto.js';

/** `?source=`: only the needs of one source, and what they led to (issue 24). */
export const SourceFilter = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      enum: NEED_SOURCES,
      example: 'partner',
      description: 'Only the needs of this source, their introductions and wins.',
    }),
    IsOptional(),
    IsIn(NEED_SOURCES),
  );

/** `?from=&to=&source=`: the filters every figure of the indicators takes (issue 24, decision 033). */
export class StatsScopeQueryDto extends StatsPeriodQueryDto {
  @SourceFilter()
  source?: NeedSource;
}
