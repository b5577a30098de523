import { ApiProperty } from '@nestjs/swagger';

export class RegionDto {
  @ApiProperty({ example: '93', description: 'INSEE région code (not a département code: département 93 is Seine-Saint-Denis).' })
  regionCode!: string;

  @ApiProperty({ example: "Provence-Alpes-Côte d'Azur" })
  name!: string;

  @ApiProperty({ enum: ['metro', 'drom'], example: 'metro' })
  zone!: 'metro' | 'drom';

  @ApiProperty({ example: '13055', description: 'INSEE code of the chef-lieu commune.' })
  chefLieuCommuneCode!: string;
}

export class DepartementDto {
  @ApiProperty({ example: '06', description: 'INSEE département code, a string: 06, 2A, 971.' })
  departementCode!: string;

  @ApiProperty({ example: 'Alpes-Maritimes' })
  name!: string;

  @ApiProperty({ example: '93' })
  regionCode!: string;

  @ApiProperty({ enum: ['metro', 'drom'], example: 'metro' })
  zone!: 'metro' | 'drom';

  @ApiProperty({ example: '06088' })
  chefLieuCommuneCode!: string;
}

export class CommuneDto {
  @ApiProperty({ example: '06088', description: 'INSEE commune code (code officiel géographique), not a postal code.' })
  communeCode!: string;

  @ApiProperty({ example: 'Nice' })
  name!: string;

  @ApiProperty({ example: '06' })
  departementCode!: string;

  @ApiProperty({ example: '93' })
  regionCode!: string;

  @ApiProperty({ type: [String], example: ['06000', '06100', '06200', '06300'] })
  postalCodes!: string[];

  @ApiProperty({ type: Number, nullable: true, example: 357737, description: 'Population municipale (INSEE).' })
  population!: number | null;
}
