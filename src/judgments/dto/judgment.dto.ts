import { ApiProperty } from '@nestjs/swagger';
import { JUDGMENT_REASONS, VERDICTS, type JudgmentReason, type Verdict } from '../judgment-vocabulary.js';

/** One curator's current mark on a pair, with what the ranking said of the pair when it was given. */
export class RelevanceJudgmentDto {
  @ApiProperty({ format: 'uuid', example: '0b8e1f2a-6c3d-4e5f-8a9b-1c2d3e4f5a6b' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '3f6d2a1e-8c0b-4c1e-9a57-2b1f0f3c9e11' }) needId!: string;
  @ApiProperty({ example: 'Prévoir les ventes de la boulangerie' }) needTitle!: string;
  @ApiProperty({ format: 'uuid', example: '9b2f7c44-1d3a-4e8f-b6a0-5c7e2d9f1a08' }) offeringId!: string;
  @ApiProperty({ example: 'Plateforme IA tout-en-un' }) offeringTitle!: string;
  @ApiProperty({ example: 'Omni IA' }) vendorName!: string;
  @ApiProperty({ format: 'uuid', example: '5f0c1c9e-5b7e-4c43-9f3c-6f2a1f0b7d2e' }) curatorId!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Camille Martin', description: "Null once the curator's account is erased." })
  curatorName!: string | null;
  @ApiProperty({ enum: VERDICTS, example: 'not_relevant' }) verdict!: Verdict;
  @ApiProperty({ enum: JUDGMENT_REASONS, example: 'too_generic' }) reason!: JudgmentReason;
  @ApiProperty({ nullable: true, type: String, example: "Plateforme généraliste : rien sur la prévision des ventes d'un commerce." })
  comment!: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 3,
    description: 'Rank of the offering among the first 100 matches when marked; null when it was not among them (an "autre piste").',
  })
  rank!: number | null;
  @ApiProperty({ example: '2026-12.1', description: 'Scoring version of the ranking the mark was given against.' }) scoringVersion!: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-05T09:30:00.000Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-06T14:02:00.000Z', description: 'Last re-mark.' }) updatedAt!: string;
}
