import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SOVEREIGNTY_GRADES } from '../../reference/sovereignty/sovereignty.enums.js';
import type { Facet, OfferingDocument } from '../../search/offering-document.js';
import type { CatalogueResult } from '../../search/search-index.port.js';
import { NO_SUGGESTIONS, type CatalogueFilterParam, type CatalogueSuggestions } from '../catalogue-suggestions.js';

export class CatalogueVendorDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Azur Vision' })
  name!: string;
}

export class CatalogueItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: "Reconnaissance d'images pour le contrôle qualité" })
  title!: string;

  @ApiProperty({ example: 'Détection de défauts sur ligne de production.' })
  summary!: string;

  @ApiProperty({ type: CatalogueVendorDto })
  vendor!: CatalogueVendorDto;

  @ApiProperty({ type: [String], example: ['VISION_QUALITY_CONTROL'] })
  useCases!: string[];

  @ApiProperty({ type: [String], example: ['Vision par ordinateur : contrôle qualité'] })
  useCaseLabels!: string[];

  @ApiProperty({ enum: SOVEREIGNTY_GRADES, example: 'B' })
  grade!: string;

  @ApiProperty({ example: 74 })
  sovereigntyScore!: number;

  @ApiProperty({ example: 'déclaratif', enum: ['vérifié', 'déclaratif'] })
  gradeLabel!: string;

  @ApiProperty({ example: 'FR' })
  dataResidency!: string;

  @ApiProperty({ example: false })
  national!: boolean;

  @ApiProperty({ type: [String], example: ['93'] })
  regions!: string[];

  @ApiProperty({ example: true })
  remoteDelivery!: boolean;

  @ApiPropertyOptional({ type: 'integer', example: 5000, nullable: true })
  minBudgetEur!: number | null;

  @ApiPropertyOptional({ type: 'integer', example: 40000, nullable: true })
  maxBudgetEur!: number | null;

  @ApiProperty({ example: '2026-11-20T09:00:00.000Z' })
  publishedAt!: string;
}

export class CatalogueFacetsDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { VISION_QUALITY_CONTROL: 12, DOC_PROCESSING: 7 } })
  useCases!: Record<string, number>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { '93': 15, '84': 4 },
    description: 'Offerings the région filter would find, by région code: national offerings count in every région.',
  })
  regions!: Record<string, number>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { '06': 9, '13': 6 },
    description: 'Offerings the département filter would find, by département code: national offerings count in every département.',
  })
  departements!: Record<string, number>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { A: 3, B: 9, C: 5 } })
  grade!: Record<string, number>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { FR: 10, EU_EEA: 5 },
    description: 'Where customer data live.',
  })
  dataResidency!: Record<string, number>;
}

export class UseCaseSuggestionDto {
  @ApiProperty({ example: 'VISION_QUALITY_CONTROL' })
  code!: string;

  @ApiProperty({ example: 'Vision par ordinateur : contrôle qualité' })
  label!: string;

  @ApiProperty({ type: 'integer', example: 7, description: 'Offerings of this use case under the other filters (without the text).' })
  count!: number;
}

export class RelaxationSuggestionDto {
  @ApiProperty({
    type: [String],
    enum: ['q', 'useCase', 'sector', 'region', 'departement', 'grade', 'dataResidency', 'requirement'],
    example: ['region'],
    description: 'Query parameters to drop.',
  })
  drop!: CatalogueFilterParam[];

  @ApiProperty({ example: 'Sans le filtre de région' })
  label!: string;

  @ApiProperty({ type: 'integer', example: 4, description: 'Offerings the search finds without them.' })
  count!: number;
}

export class CatalogueSuggestionsDto {
  @ApiProperty({ type: [UseCaseSuggestionDto], description: 'The use cases nearest the words typed, or the best-stocked ones.' })
  useCases!: UseCaseSuggestionDto[];

  @ApiProperty({ type: [RelaxationSuggestionDto], description: 'Filters to drop, with what the search would then find.' })
  relaxations!: RelaxationSuggestionDto[];
}

export class CatalogueResultDto {
  @ApiProperty({ type: [CatalogueItemDto] })
  items!: CatalogueItemDto[];

  @ApiProperty({ example: 42 })
  total!: number;

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  pageSize!: number;

  @ApiProperty({ type: CatalogueFacetsDto })
  facets!: Record<Facet, Record<string, number>>;

  @ApiProperty({
    type: CatalogueSuggestionsDto,
    description: 'When nothing is found: the nearest use cases and the filters to drop, with counts. Empty lists otherwise.',
  })
  suggestions!: CatalogueSuggestionsDto;
}

export const toCatalogueItem = (d: OfferingDocument): CatalogueItemDto => ({
  id: d.id,
  title: d.title,
  summary: d.summary,
  vendor: { id: d.vendorId, name: d.vendorName },
  useCases: d.useCases,
  useCaseLabels: d.useCaseLabels,
  grade: d.grade,
  sovereigntyScore: d.sovereigntyScore,
  gradeLabel: d.gradeVerified ? 'vérifié' : 'déclaratif',
  dataResidency: d.dataResidency,
  national: d.national,
  regions: d.regions,
  remoteDelivery: d.remoteDelivery,
  minBudgetEur: d.minBudgetEur,
  maxBudgetEur: d.maxBudgetEur,
  publishedAt: d.publishedAt,
});

export const toCatalogueResult = (r: CatalogueResult, suggestions: CatalogueSuggestions = NO_SUGGESTIONS): CatalogueResultDto => ({
  items: r.items.map((i) => toCatalogueItem(i.document)),
  total: r.total,
  page: r.page,
  pageSize: r.pageSize,
  facets: r.facets,
  suggestions,
});
