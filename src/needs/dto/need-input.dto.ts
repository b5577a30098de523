import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { NAF_LEVELS } from '../../reference/data/naf.types.js';
import { DataSensitivity, HardRequirement } from '../../reference/sovereignty/sovereignty.enums.js';
import { IsCommuneCode, IsNafCode, IsUseCase } from '../../reference/validation/reference.validators.js';
import { NEED_MIN_GRADES, NEED_REACHES, type NeedMinGrade, type NeedReach } from '../need.entity.js';
import { IsCalendarDate } from '../../common/validation/dates.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

/** Validates the field when present; `null` is refused (the field cannot be cleared). */
const IfPresent = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

const MAX_BUDGET_EUR = 100_000_000;

/** Every field a buyer may set on a need but the title; all optional, so PATCH sends only what changes. */
export class NeedFieldsDto {
  @ApiPropertyOptional({
    example: 'Nous recevons 300 courriers par jour ; nous voulons les classer et les router automatiquement vers les services.',
    maxLength: 10000,
  })
  @IfPresent()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({ type: [String], example: ['DOC_PROCESSING'], description: 'AI use-case codes (GET /reference/use-cases).' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(18)
  @ArrayUnique()
  @IsUseCase({ each: true })
  useCases?: string[];

  @ApiPropertyOptional({
    example: '84.11Z',
    description: "NAF rév. 2 code of the need's sector; defaults to the buyer organisation's NAF code.",
  })
  @IfPresent()
  @IsNafCode({ levels: NAF_LEVELS })
  sector?: string;

  @ApiPropertyOptional({ example: '06088', description: "INSEE commune where the need is; defaults to the buyer's head-office commune." })
  @IfPresent()
  @IsCommuneCode()
  communeCode?: string;

  @ApiPropertyOptional({ enum: NEED_REACHES, example: 'regional', description: 'How far the buyer looks for a vendor.' })
  @IfPresent()
  @IsIn(NEED_REACHES)
  reach?: NeedReach;

  @ApiPropertyOptional({ example: true, default: true, description: 'Whether a vendor delivering remotely only is acceptable.' })
  @IfPresent()
  @IsBoolean()
  acceptsRemote?: boolean;

  @ApiPropertyOptional({ type: 'integer', example: 5000, nullable: true, description: 'Lower bound of the budget, whole euros excl. VAT.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_BUDGET_EUR)
  minBudgetEur?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    example: 20000,
    nullable: true,
    description: 'Upper bound of the budget, whole euros excl. VAT; ≥ minBudgetEur.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_BUDGET_EUR)
  maxBudgetEur?: number | null;

  @ApiPropertyOptional({
    example: false,
    default: false,
    description: 'Whether the budget is firm: offerings priced outside it are then excluded; otherwise they only rank lower.',
  })
  @IfPresent()
  @IsBoolean()
  budgetFirm?: boolean;

  @ApiPropertyOptional({ type: String, example: '2027-01-15', format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  desiredStart?: string | null;

  @ApiPropertyOptional({ type: String, example: '2027-06-30', format: 'date', nullable: true, description: 'Not before desiredStart.' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;

  @ApiPropertyOptional({
    enum: DataSensitivity,
    example: DataSensitivity.PERSONAL,
    description: 'Most sensitive data the project touches.',
  })
  @IfPresent()
  @IsEnum(DataSensitivity)
  dataSensitivity?: DataSensitivity;

  @ApiPropertyOptional({
    enum: HardRequirement,
    isArray: true,
    example: [HardRequirement.GDPR_DPA, HardRequirement.DATA_IN_EU],
    description: 'Hard requirements (REFERENCE §4.5); send the suggested ones to accept them.',
  })
  @IfPresent()
  @IsArray()
  @ArrayUnique()
  @IsEnum(HardRequirement, { each: true })
  requirements?: HardRequirement[];

  @ApiPropertyOptional({ enum: NEED_MIN_GRADES, nullable: true, example: 'B', description: 'Lowest acceptable sovereignty grade.' })
  @IsOptional()
  @IsIn(NEED_MIN_GRADES)
  minSovereigntyGrade?: NeedMinGrade | null;
}

/** A new need starts as a draft: only the title is required; submit checks the rest. */
export class CreateNeedDto extends NeedFieldsDto {
  @ApiProperty({ example: 'Tri automatique des courriers entrants', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  title!: string;
}

export class UpdateNeedDto extends NeedFieldsDto {
  @ApiPropertyOptional({ example: 'Tri automatique des courriers entrants', maxLength: 200 })
  @IfPresent()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  title?: string;

  @ApiProperty({ example: 1, description: 'The version you read; a stale one gets 409 STALE_VERSION.' })
  @IsInt()
  @Min(1)
  version!: number;
}
