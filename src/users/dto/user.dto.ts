import { ApiProperty } from '@nestjs/swagger';
import { MEMBERSHIP_STATUSES, ROLES } from '../../identity/roles.js';

/** The caller's own account. */
export class MeDto {
  @ApiProperty({ example: '5a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b' })
  id!: string;

  @ApiProperty({ example: 'marie.curie@azur-ia.fr' })
  email!: string;

  @ApiProperty({ enum: ROLES, example: 'vendor' })
  role!: string;

  @ApiProperty({ example: 'Marie Curie' })
  displayName!: string;

  @ApiProperty({ type: String, nullable: true, example: '+33 4 93 00 00 00' })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '0b7e4a3c-2f1d-4c5e-9a8b-7c6d5e4f3a2b', description: 'Vendors and buyers only.' })
  organisationId!: string | null;

  @ApiProperty({
    enum: MEMBERSHIP_STATUSES,
    nullable: true,
    example: 'active',
    description: 'pending until an approved member or a curator approves; organisation routes answer 403 meanwhile.',
  })
  membershipStatus!: string | null;

  @ApiProperty({
    example: true,
    description: 'Whether the owner confirmed the address (link e-mailed at sign-up); vendors and buyers need it to publish or submit.',
  })
  emailVerified!: boolean;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  createdAt!: Date;
}

/** A live user seen by someone else (a fellow member, a curator, an admin). */
export class UserDto extends MeDto {}
