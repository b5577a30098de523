import { ApiProperty } from '@nestjs/swagger';
import { MEMBERSHIP_STATUSES, ROLES } from '../../identity/roles.js';

export class MemberDto {
  @ApiProperty({ example: '5a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b' })
  userId!: string;

  @ApiProperty({ example: 'paul.langevin@azur-ia.fr' })
  email!: string;

  @ApiProperty({ example: 'Paul Langevin' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, example: 'vendor' })
  role!: string;

  @ApiProperty({ enum: MEMBERSHIP_STATUSES, example: 'pending' })
  membershipStatus!: string;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z', description: 'When the user registered.' })
  createdAt!: Date;
}
