import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { StatsScopeQueryDto } from './stats-scope.dto.js';

export const EXPORT_COLUMNS = [
  'id',
  'status',
  'title',
  'useCases',
  'sector',
  'departementCode',
  'regionCode',
  'buyerType',
  'minBudgetEur',
  'maxBudgetEur',
  'dataSensitivity',
  'requirements',
  'createdAt',
  'submittedAt',
  'publishedAt',
  'closedAt',
  'closeOutcome',
  'introductions',
  'connected',
  'won',
  'firstIntroductionAt',
  'wonValueEur',
  'dealValueBands',
  'firstDealStart',
  'lostReasons',
  'source',
  'partnerName',
] as const;

const list = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value
      : value;

export class StatsExportQueryDto extends StatsScopeQueryDto {
  @ApiPropertyOptional({
    type: [String],
    enum: EXPORT_COLUMNS,
    example: ['id', 'status', 'regionCode', 'useCases', 'introductions', 'won'],
    description: 'Columns, in order (comma-separated or repeated); all of them when absent.',
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(EXPORT_COLUMNS, { each: true })
  columns?: string[];

  @ApiPropertyOptional({ enum: ['comma', 'semicolon'], default: 'comma', description: 'Semicolon suits spreadsheets set to French.' })
  @IsOptional()
  @IsIn(['comma', 'semicolon'])
  separator: 'comma' | 'semicolon' = 'comma';
}
