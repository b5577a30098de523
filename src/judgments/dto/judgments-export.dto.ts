import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';

const NEED_ID = '3f6d2a1e-8c0b-4c1e-9a57-2b1f0f3c9e11';
const OFFERING_ID = '9b2f7c44-1d3a-4e8f-b6a0-5c7e2d9f1a08';

/** A pair's grade as test/relevance/judgments.json holds it. */
export class ExportedJudgmentDto {
  @ApiProperty({ enum: [0, 1, 2], example: 0, description: 'pertinent → 2, pas pertinent → 0, curators split → 1.' })
  grade!: 0 | 1 | 2;

  @ApiProperty({
    example: 'Pas pertinent (trop générique) : « Plateforme généraliste. » — Camille Martin, 2026-12-05',
    description: 'Each current mark: verdict, reason, comment, author and date; "Avis partagés" first when curators disagree.',
  })
  why!: string;
}

export class ExportedNeedRefDto {
  @ApiProperty({ example: 'Prévoir les ventes de la boulangerie' }) title!: string;
  @ApiProperty({ example: 'Boulangerie du Port' }) buyer!: string;
}

export class ExportedOfferingRefDto {
  @ApiProperty({ example: 'Plateforme IA tout-en-un' }) title!: string;
  @ApiProperty({ example: 'Omni IA' }) vendor!: string;
}

@ApiExtraModels(ExportedNeedRefDto, ExportedOfferingRefDto)
export class ExportRefsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ExportedNeedRefDto) },
    example: { [NEED_ID]: { title: 'Prévoir les ventes de la boulangerie', buyer: 'Boulangerie du Port' } },
    description: 'By need id: what a person needs to find the need and add it to corpus.json.',
  })
  needs!: Record<string, ExportedNeedRefDto>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ExportedOfferingRefDto) },
    example: { [OFFERING_ID]: { title: 'Plateforme IA tout-en-un', vendor: 'Omni IA' } },
    description: 'By offering id: its title and vendor.',
  })
  offerings!: Record<string, ExportedOfferingRefDto>;
}

export class ExportGradesDto {
  @ApiProperty({ enum: [2], example: 2 }) relevant!: 2;
  @ApiProperty({ enum: [0], example: 0 }) not_relevant!: 0;
  @ApiProperty({ enum: [1], example: 1, description: 'As many "pertinent" as "pas pertinent" marks on the pair.' }) split!: 1;
}

/** GET /relevance-judgments/export: the curators' marks in the shape of test/relevance/judgments.json, keyed by platform ids. */
@ApiExtraModels(ExportedJudgmentDto)
export class JudgmentsExportDto {
  @ApiProperty({ example: "Curators' marks exported from Circuit IA; keys are platform ids, not corpus keys (see refs)." })
  _about!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-07T08:00:00.000Z' }) exportedAt!: string;

  @ApiProperty({ type: ExportGradesDto }) grades!: ExportGradesDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { $ref: getSchemaPath(ExportedJudgmentDto) } },
    example: {
      [NEED_ID]: { [OFFERING_ID]: { grade: 0, why: 'Pas pertinent (trop générique) — Camille Martin, 2026-12-05' } },
    },
    description: '`needs.<needId>.<offeringId> = { grade, why }`, as in judgments.json.',
  })
  needs!: Record<string, Record<string, ExportedJudgmentDto>>;

  @ApiProperty({ type: ExportRefsDto }) refs!: ExportRefsDto;
}
