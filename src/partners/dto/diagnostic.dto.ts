import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsObject, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { CreateOrganisationDto } from '../../organisations/dto/organisation-input.dto.js';
import { USE_CASE_CODES } from '../../reference/data/use-case.types.js';
import { DataSensitivity } from '../../reference/sovereignty/sovereignty.enums.js';
import { HORIZONS } from '../diagnostic-rows.js';
import { IsCalendarDate, IsDayPast } from '../../common/validation/dates.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export class DiagnosticExpertDto {
  @ApiProperty({ example: 'Camille Martin' })
  @IsString()
  @Length(1, 120)
  @IsNotBlank()
  name!: string;

  @ApiProperty({ example: 'camille.martin@bpifrance.fr' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

/** One prioritised use case; checked row by row with French messages (see the operation). */
export class DiagnosticUseCaseDto {
  @ApiProperty({
    example: 'UC-1',
    description: "The use case's code in the diagnostic: unique in it; a re-import skips codes already imported.",
  })
  code!: string;

  @ApiProperty({ example: 1, description: 'Priority, 1 first.' })
  priority!: number;

  @ApiProperty({ example: 'Tri automatique des courriers entrants', maxLength: 200 })
  title!: string;

  @ApiPropertyOptional({ example: 'Nous recevons 300 courriers par jour et voulons les router vers les services.', maxLength: 10000 })
  description?: string;

  @ApiProperty({ enum: USE_CASE_CODES, isArray: true, example: ['DOC_PROCESSING'] })
  useCaseCodes!: string[];

  @ApiProperty({ enum: DataSensitivity, example: DataSensitivity.PERSONAL })
  dataSensitivity!: DataSensitivity;

  @ApiProperty({ enum: Object.keys(HORIZONS), example: '6_months', description: 'When to start, counted from the diagnostic date.' })
  horizon!: string;

  @ApiPropertyOptional({ example: 5000, description: 'Budget range, whole euros excl. VAT.' })
  budgetMinEur?: number;

  @ApiPropertyOptional({ example: 20000 })
  budgetMaxEur?: number;
}

export class ImportDiagnosticDto {
  @ApiProperty({
    example: 'BPI-DIAG-2026-0042',
    description: "The partner's own id of the diagnostic; with a use case's code, what makes a re-import idempotent.",
  })
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  diagnosticId!: string;

  @ApiProperty({ example: '2026-11-30', description: 'Day of the diagnostic (YYYY-MM-DD).' })
  @IsCalendarDate()
  @IsDayPast()
  date!: string;

  @ApiProperty({ type: DiagnosticExpertDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DiagnosticExpertDto)
  expert!: DiagnosticExpertDto;

  @ApiProperty({ type: CreateOrganisationDto, description: 'The diagnosed company, as in POST /partner/needs.' })
  @IsObject()
  @ValidateNested()
  @Type(() => CreateOrganisationDto)
  company!: CreateOrganisationDto;

  @ApiProperty({ example: 'dirigeante@boulangerie-nicoise.fr', description: 'Receives one invitation to claim the new drafts.' })
  @IsEmail()
  @MaxLength(254)
  contactEmail!: string;

  @ApiProperty({ type: [DiagnosticUseCaseDto], description: 'The prioritised use cases: one draft need each.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  useCases!: unknown[];
}

export class ImportedUseCaseDto {
  @ApiProperty({ example: 'UC-1' })
  code!: string;

  @ApiProperty({ format: 'uuid' })
  needId!: string;

  @ApiProperty({ example: true, description: 'False when an earlier import already created it.' })
  created!: boolean;
}

export class DiagnosticImportedDto {
  @ApiProperty({ format: 'uuid', description: "Circuit IA's id of the diagnostic." })
  id!: string;

  @ApiProperty({ example: 'BPI-DIAG-2026-0042' })
  diagnosticId!: string;

  @ApiProperty({ type: [ImportedUseCaseDto] })
  needs!: ImportedUseCaseDto[];

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-20T09:00:00.000Z',
    description: 'Expiry of the invitation sent for the new drafts; null when nothing new was created (no e-mail).',
  })
  invitationExpiresAt!: Date | null;
}
