import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsObject,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  AiActRiskClass,
  AiActRole,
  DataResidency,
  DeploymentMode,
  enumValues,
  EU_ASSURANCE_LEVELS,
  EXTRATERRITORIAL_EXPOSURES,
  HDS_ACTIVITIES,
  InferenceHosting,
  JURISDICTIONS_OF_CONTROL,
  ModelLicence,
  ModelOrigin,
  NonEuControl,
  NonEuTransfers,
  SecNumCloudStatus,
  TrainingOnCustomerData,
  TrustLabel,
  type EuAssuranceLevel,
  type ExtraterritorialExposure,
  type HdsActivity,
  type JurisdictionOfControl,
} from '../../reference/sovereignty/sovereignty.enums.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

/* The SovereigntyProfile of REFERENCE §4.3, field by field; values come from GET /reference/sovereignty. */

export class VendorSovereigntyDto {
  @ApiProperty({ enum: JURISDICTIONS_OF_CONTROL, example: 'FR', description: 'Siège statutaire.' })
  @IsIn(JURISDICTIONS_OF_CONTROL)
  hqJurisdiction!: JurisdictionOfControl;

  @ApiProperty({ enum: enumValues(NonEuControl), example: 'NONE' })
  @IsEnum(NonEuControl)
  nonEuControl!: NonEuControl;

  @ApiProperty({
    enum: EXTRATERRITORIAL_EXPOSURES,
    example: 'NO',
    description: 'Subject to CLOUD Act/FISA-type law, directly or via host or model API.',
  })
  @IsIn(EXTRATERRITORIAL_EXPOSURES)
  extraterritorialExposure!: ExtraterritorialExposure;
}

export class HostingDto {
  @ApiProperty({ enum: enumValues(DeploymentMode), isArray: true, example: ['SAAS_DEDICATED', 'ON_PREMISE'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(DeploymentMode, { each: true })
  deploymentModes!: DeploymentMode[];

  @ApiProperty({ enum: enumValues(DataResidency), example: 'FR', description: 'Storage AND processing of customer data.' })
  @IsEnum(DataResidency)
  dataResidency!: DataResidency;

  @ApiPropertyOptional({ example: 'OVHcloud' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  providerName?: string;

  @ApiProperty({ enum: JURISDICTIONS_OF_CONTROL, example: 'FR' })
  @IsIn(JURISDICTIONS_OF_CONTROL)
  providerJurisdiction!: JurisdictionOfControl;

  @ApiProperty({ example: false, description: 'Support or operations access from outside the EEA.' })
  @IsBoolean()
  nonEuRemoteAccess!: boolean;
}

export class CertificationsDto {
  @ApiProperty({ enum: enumValues(SecNumCloudStatus), example: 'OFFERING' })
  @IsEnum(SecNumCloudStatus)
  secNumCloud!: SecNumCloudStatus;

  @ApiProperty({ example: false })
  @IsBoolean()
  hds!: boolean;

  @ApiPropertyOptional({ enum: HDS_ACTIVITIES, isArray: true, example: [1, 2] })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(HDS_ACTIVITIES, { each: true })
  hdsActivities?: HdsActivity[];

  @ApiProperty({ example: true })
  @IsBoolean()
  iso27001!: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  iso42001!: boolean;

  @ApiProperty({ enum: enumValues(TrustLabel), isArray: true, example: ['EXPERTCYBER'] })
  @IsArray()
  @ArrayUnique()
  @IsEnum(TrustLabel, { each: true })
  labels!: TrustLabel[];

  @ApiPropertyOptional({ enum: EU_ASSURANCE_LEVELS, example: 3, description: 'Reserved: CADA proposal, not law as of 2026-11.' })
  @IsOmittable()
  @IsIn(EU_ASSURANCE_LEVELS)
  euAssuranceLevel?: EuAssuranceLevel;
}

export class AiDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  usesMl!: boolean;

  @ApiProperty({ enum: enumValues(ModelOrigin), example: 'FR' })
  @IsEnum(ModelOrigin)
  modelOrigin!: ModelOrigin;

  @ApiPropertyOptional({ type: [String], example: ['Mistral Small 3.1'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @IsNotBlank({ each: true })
  modelNames?: string[];

  @ApiProperty({ enum: enumValues(ModelLicence), example: 'OSI_OPEN_SOURCE' })
  @IsEnum(ModelLicence)
  modelLicence!: ModelLicence;

  @ApiProperty({ enum: enumValues(InferenceHosting), example: 'VENDOR_HOSTED_EU' })
  @IsEnum(InferenceHosting)
  inferenceHosting!: InferenceHosting;

  @ApiProperty({ enum: enumValues(TrainingOnCustomerData), example: 'NEVER' })
  @IsEnum(TrainingOnCustomerData)
  trainingOnCustomerData!: TrainingOnCustomerData;

  @ApiProperty({ enum: enumValues(AiActRole), example: 'PROVIDER' })
  @IsEnum(AiActRole)
  aiActRole!: AiActRole;

  @ApiProperty({ enum: enumValues(AiActRiskClass), example: 'MINIMAL', description: "For the offering's intended use." })
  @IsEnum(AiActRiskClass)
  aiActRiskClass!: AiActRiskClass;

  @ApiProperty({ example: true, description: 'Built on a general-purpose model.' })
  @IsBoolean()
  gpaiBased!: boolean;
}

export class GdprDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  dpaArt28!: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  subprocessorsPublic!: boolean;

  @ApiProperty({ enum: enumValues(NonEuTransfers), example: 'NONE' })
  @IsEnum(NonEuTransfers)
  nonEuTransfers!: NonEuTransfers;

  @ApiProperty({ example: true, description: "Provides material for the buyer's DPIA (AIPD)." })
  @IsBoolean()
  dpiaSupport!: boolean;
}

export class ReversibilityDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  dataExportOpenFormat!: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  exitClause!: boolean;
}

/** The whole profile: sent complete, it replaces the previous one. */
export class SovereigntyProfileDto {
  @ApiProperty({ type: VendorSovereigntyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => VendorSovereigntyDto)
  vendor!: VendorSovereigntyDto;

  @ApiProperty({ type: HostingDto })
  @IsObject()
  @ValidateNested()
  @Type(() => HostingDto)
  hosting!: HostingDto;

  @ApiProperty({ type: CertificationsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CertificationsDto)
  certifications!: CertificationsDto;

  @ApiProperty({ type: AiDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AiDto)
  ai!: AiDto;

  @ApiProperty({ type: GdprDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GdprDto)
  gdpr!: GdprDto;

  @ApiProperty({ type: ReversibilityDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReversibilityDto)
  reversibility!: ReversibilityDto;
}
