import { ApiProperty } from '@nestjs/swagger';

export class StatsPeriodDto {
  @ApiProperty({ type: String, nullable: true, example: '2026-01-01' })
  from!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-31' })
  to!: string | null;
}

/** The won deals of one group (a proximity, a control, a grade band) and their value. */
export class ValueGroupDto {
  @ApiProperty({ example: 'same_departement' })
  key!: string;

  @ApiProperty({ example: 'Même département que l’acheteur' })
  label!: string;

  @ApiProperty({ example: 3, description: 'Won deals with a value in the group.' })
  deals!: number;

  @ApiProperty({ example: 145000, description: 'Euros excl. VAT: exact amounts, else band values.' })
  totalEur!: number;

  @ApiProperty({ type: Number, nullable: true, example: 35000 })
  medianEur!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.55, description: 'Share of the total value; null when no deal has a value.' })
  share!: number | null;
}

/**
 * What the won deals of a period are worth, and where the money goes (decision 026). A deal counts
 * for its exact amount when told, else its band's value: the midpoint, 200 000 € for "over 150 k€".
 */
export class StatsValuesDto {
  @ApiProperty({ type: StatsPeriodDto, description: 'Deals whose outcome was recorded in the period.' })
  period!: StatsPeriodDto;

  @ApiProperty({ example: 12 })
  wonDeals!: number;

  @ApiProperty({ example: 1, description: 'Won deals recorded without a value (by a curator), left out of the sums.' })
  withoutValue!: number;

  @ApiProperty({ example: 480000 })
  totalEur!: number;

  @ApiProperty({ type: Number, nullable: true, example: 35000 })
  medianEur!: number | null;

  @ApiProperty({ type: [ValueGroupDto], description: 'same_departement, same_region (not the same département), elsewhere.' })
  byProximity!: ValueGroupDto[];

  @ApiProperty({ type: [ValueGroupDto], description: 'french (head office in France, no non-EU control), not_french.' })
  byControl!: ValueGroupDto[];

  @ApiProperty({ type: [ValueGroupDto], description: 'A_B, C, D_E, none: the won offering’s sovereignty grade.' })
  byGradeBand!: ValueGroupDto[];

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.7,
    description: 'Share going to a vendor with a site in the buyer’s département or région.',
  })
  shareLocal!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.8 })
  shareFrench!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.65 })
  shareGradeAOrB!: number | null;
}
