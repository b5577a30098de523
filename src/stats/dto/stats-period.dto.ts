import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, Length } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';

/** `?from=&to=`: calendar days in Paris, both included; either may be left open. */
export class StatsPeriodQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day included (YYYY-MM-DD, Paris time).' })
  @IsOmittable()
  @IsISO8601({ strict: true })
  @Length(10, 10, { message: 'from must be a date such as 2026-01-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day included (YYYY-MM-DD, Paris time); not before from.' })
  @IsOmittable()
  @IsISO8601({ strict: true })
  @Length(10, 10, { message: 'to must be a date such as 2026-12-31' })
  to?: string;
}
