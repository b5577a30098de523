import { ApiProperty } from '@nestjs/swagger';
import { NAF_LEVELS, NAF_VERSIONS, type NafLevel, type NafVersion } from '../data/naf.types.js';
import { USE_CASE_CODES, type UseCaseCode } from '../data/use-case.types.js';

export class SectorDto {
  @ApiProperty({ example: '62.01Z', description: 'NAF code as INSEE and Sirene write it.' })
  code!: string;

  @ApiProperty({ example: 'Programmation informatique' })
  label!: string;

  @ApiProperty({ enum: NAF_LEVELS, example: 'sous-classe' })
  level!: NafLevel;

  @ApiProperty({ type: String, nullable: true, example: '62.01', description: 'The code one level up; null for a section.' })
  parentCode!: string | null;

  @ApiProperty({ example: 'J' })
  sectionCode!: string;

  @ApiProperty({ enum: NAF_VERSIONS, example: 'NAFRev2', description: 'NAF 2025 replaces NAF rév. 2 on 1 January 2027.' })
  nafVersion!: NafVersion;
}

export class UseCaseDto {
  @ApiProperty({ enum: USE_CASE_CODES, example: 'DOC_PROCESSING' })
  code!: UseCaseCode;

  @ApiProperty({ example: 'Traitement documentaire (OCR, extraction, classement)' })
  label!: string;

  @ApiProperty({ example: 'invoices, courrier entrant, dossiers, permis' })
  examples!: string;

  @ApiProperty({ example: 'admin; accounting', description: 'Eurostat/INSEE ICT-survey purpose.' })
  eurostatPurpose!: string;

  @ApiProperty({ example: 'all', description: 'Typical buyers.' })
  buyers!: string;

  @ApiProperty({ example: 'minimal', description: 'AI Act hint for the category.' })
  aiActHint!: string;
}

export class LabelledValueDto {
  @ApiProperty({ example: 'OFFERING' })
  code!: string;

  @ApiProperty({ example: 'Offre qualifiée SecNumCloud' })
  label!: string;
}

export class VocabularyDto {
  @ApiProperty({ example: 'SecNumCloudStatus', description: 'Name of the value list, as in the SovereigntyProfile schema.' })
  name!: string;

  @ApiProperty({ type: [LabelledValueDto] })
  values!: LabelledValueDto[];
}

export class DefaultRequirementsDto {
  @ApiProperty({ enum: ['none', 'personal', 'health', 'sensitive_public'], example: 'health' })
  dataSensitivity!: string;

  @ApiProperty({ example: 'Données de santé' })
  label!: string;

  @ApiProperty({ type: [String], example: ['HDS_CERTIFIED', 'DATA_IN_EU', 'GDPR_DPA'] })
  requirements!: string[];
}

export class GradeMeaningDto {
  @ApiProperty({ example: 'A' })
  grade!: string;

  @ApiProperty({ example: 80 })
  minScore!: number;

  @ApiProperty({ example: 'Très souverain (80 à 100 points)' })
  label!: string;
}

export class ScoreBlockMeaningDto {
  @ApiProperty({ example: 'jurisdiction' })
  block!: string;

  @ApiProperty({ example: 25 })
  maxScore!: number;

  @ApiProperty({ example: 'Juridiction et contrôle' })
  label!: string;
}

export class SovereigntyVocabularyDto {
  @ApiProperty({ type: [VocabularyDto], description: 'Every value list of the SovereigntyProfile, with French labels.' })
  vocabularies!: VocabularyDto[];

  @ApiProperty({ type: [LabelledValueDto], example: [{ code: 'HDS_CERTIFIED', label: 'Hébergeur certifié HDS (données de santé)' }] })
  hardRequirements!: LabelledValueDto[];

  @ApiProperty({ type: [DefaultRequirementsDto], description: 'Hard requirements a need starts with, by data sensitivity.' })
  defaultRequirements!: DefaultRequirementsDto[];

  @ApiProperty({ type: [String], example: ['DATA_IN_EU', 'GDPR_DPA'], description: 'Suggested (not imposed) to collectivités.' })
  suggestedForCollectivite!: string[];

  @ApiProperty({ type: [GradeMeaningDto] })
  grades!: GradeMeaningDto[];

  @ApiProperty({ type: [ScoreBlockMeaningDto] })
  scoreBlocks!: ScoreBlockMeaningDto[];
}
