import { ApiPropertyOptional } from '@nestjs/swagger';

import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsCalendarDate } from '../../common/validation/dates.js';

/** `?from=&to=`: calendar days in Paris, both included; either may be left open. */
export class StatsPeriodQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day included (YYYY-MM-DD, Paris time).' })
  @IsOmittable()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day included (YYYY-MM-DD, Paris time); not before from.' })
  @IsOmittable()
  @IsCalendarDate()
  to?: string;
}
