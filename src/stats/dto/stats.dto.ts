import { ApiProperty } from '@nestjs/swagger';

export class KeyCountDto {
  @ApiProperty({ example: 'published' })
  key!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: "Provence-Alpes-Côte d'Azur",
    description: 'French label where the key has one (régions).',
  })
  label!: string | null;

  @ApiProperty({ example: 12 })
  count!: number;
}

export class NeedStatsDto {
  @ApiProperty({ example: 42 })
  total!: number;

  @ApiProperty({ type: [KeyCountDto] })
  byStatus!: KeyCountDto[];

  @ApiProperty({ type: [KeyCountDto], description: 'Needs past draft, by région of their commune.' })
  byRegion!: KeyCountDto[];

  @ApiProperty({ type: [KeyCountDto], description: 'Needs past draft, by use case (a need counts once per use case).' })
  byUseCase!: KeyCountDto[];
}

export class IntroductionStatsDto {
  @ApiProperty({ example: 30 })
  total!: number;

  @ApiProperty({ type: [KeyCountDto] })
  byStatus!: KeyCountDto[];
}

export class OutcomeStatsDto {
  @ApiProperty({ example: 4 })
  won!: number;

  @ApiProperty({ example: 2 })
  lost!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.6667, description: 'won / (won + lost); null before any outcome.' })
  winRate!: number | null;

  @ApiProperty({ example: 4, description: 'Distinct needs with a won introduction.' })
  wonNeeds!: number;

  @ApiProperty({
    example: 3,
    description: "Won needs whose vendor has a site (head office or confirmed establishment) in the need's département.",
  })
  sameDepartement!: number;

  @ApiProperty({ example: 4, description: "Won needs whose vendor has a site in the need's région." })
  sameRegion!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.75 })
  shareSameDepartement!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 1 })
  shareSameRegion!: number | null;

  @ApiProperty({ example: 3, description: 'Won needs whose offering is French-controlled (head office in France, no non-EU control).' })
  frenchControlled!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.75 })
  shareFrenchControlled!: number | null;

  @ApiProperty({ example: 2, description: 'Won needs whose offering is graded A or B.' })
  gradeAOrB!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.5 })
  shareGradeAOrB!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 172800,
    description: 'Median seconds from publication to the first introduction; null before any.',
  })
  medianSecondsToFirstIntroduction!: number | null;
}

export class StatsOverviewDto {
  @ApiProperty({ type: NeedStatsDto })
  needs!: NeedStatsDto;

  @ApiProperty({ type: IntroductionStatsDto })
  introductions!: IntroductionStatsDto;

  @ApiProperty({ type: OutcomeStatsDto })
  outcomes!: OutcomeStatsDto;
}

export class FunnelStepDto {
  @ApiProperty({ enum: ['proposed', 'connected', 'meeting_held', 'won'], example: 'connected' })
  step!: string;

  @ApiProperty({ example: 12 })
  count!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.4, description: 'Share of the previous step that reached this one.' })
  fromPrevious!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.4, description: 'Share of the proposals that reached this step.' })
  fromStart!: number | null;
}

export class SideAnswersDto {
  @ApiProperty({ example: 20 })
  accepted!: number;

  @ApiProperty({ example: 5 })
  declined!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.6667, description: 'accepted / proposals.' })
  acceptanceRate!: number | null;
}

export class StatsFunnelDto {
  @ApiProperty({
    type: [FunnelStepDto],
    description: 'proposed → connected → meeting_held → won; an introduction counts in every step it reached.',
  })
  steps!: FunnelStepDto[];

  @ApiProperty({ type: SideAnswersDto })
  vendor!: SideAnswersDto;

  @ApiProperty({ type: SideAnswersDto })
  buyer!: SideAnswersDto;

  @ApiProperty({ type: [KeyCountDto], description: 'Declines by reason.' })
  declineReasons!: KeyCountDto[];

  @ApiProperty({ example: 1 })
  cancelled!: number;

  @ApiProperty({ example: 2 })
  lost!: number;
}
