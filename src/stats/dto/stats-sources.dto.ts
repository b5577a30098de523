import { ApiProperty } from '@nestjs/swagger';
import { NEED_SOURCES } from '../../needs/need.entity.js';
import { StatsPeriodDto } from './stats-values.dto.js';

/** Needs created in the period, and what became of them. */
export class SourceFiguresDto {
  @ApiProperty({ example: 12, description: 'Needs created in the period, drafts included (a partner’s unclaimed drafts count).' })
  needs!: number;

  @ApiProperty({ example: 9, description: 'Of those, submitted at least once by their buyer.' })
  submitted!: number;

  @ApiProperty({ example: 7 })
  published!: number;

  @ApiProperty({ example: 15, description: 'Introductions proposed on those needs, whatever their state.' })
  introductions!: number;

  @ApiProperty({ example: 3, description: 'Introductions won.' })
  won!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.43, description: 'Won introductions per published need; null without one.' })
  winsPerPublishedNeed!: number | null;
}

export class SourceGroupDto extends SourceFiguresDto {
  @ApiProperty({ enum: NEED_SOURCES, example: 'partner' })
  source!: string;

  @ApiProperty({ example: 'Partenaire (CCI, Bpifrance, France Num…)' })
  label!: string;
}

export class PartnerGroupDto extends SourceFiguresDto {
  @ApiProperty({ format: 'uuid' })
  partnerId!: string;

  @ApiProperty({ example: "CCI Nice Côte d'Azur" })
  name!: string;

  @ApiProperty({ example: 'cci' })
  kind!: string;
}

export class StatsSourcesDto {
  @ApiProperty({ type: StatsPeriodDto, description: 'On the needs’ creation, Paris days.' })
  period!: StatsPeriodDto;

  @ApiProperty({ type: [SourceGroupDto], description: 'Every source, zeros included.' })
  bySource!: SourceGroupDto[];

  @ApiProperty({ type: [PartnerGroupDto], description: 'Each partner with a need in the period, by name.' })
  byPartner!: PartnerGroupDto[];
}
