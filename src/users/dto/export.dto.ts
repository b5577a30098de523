import { ApiProperty } from '@nestjs/swagger';
import { OrganisationDto } from '../../organisations/dto/organisation.dto.js';
import { MEMBERSHIP_STATUSES, ROLES } from '../../identity/roles.js';

export class ExportedUserDto {
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

  @ApiProperty({ example: true, description: 'A password hash is stored (argon2id); the hash itself is never exported.' })
  hasPassword!: boolean;

  @ApiProperty({
    type: Date,
    nullable: true,
    example: '2026-11-25T10:05:00.000Z',
    description: 'When the address was confirmed by its link.',
  })
  emailVerifiedAt!: Date | null;

  @ApiProperty({
    type: Date,
    nullable: true,
    example: '2026-11-25T10:00:00.000Z',
    description: 'When the terms and privacy notice were accepted.',
  })
  termsAcceptedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-06', description: 'The version of the terms accepted.' })
  termsVersion!: string | null;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  createdAt!: Date;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  updatedAt!: Date;
}

export class ExportedMembershipDto {
  @ApiProperty({ enum: MEMBERSHIP_STATUSES, example: 'active' })
  status!: string;

  @ApiProperty({ type: OrganisationDto })
  organisation!: OrganisationDto;
}

export class ExportedSessionDto {
  @ApiProperty({ example: '9c8b7a6f-5e4d-4c3b-2a1f-0e9d8c7b6a5f' })
  id!: string;

  @ApiProperty({ example: '1f2e3d4c-5b6a-4978-8a7b-6c5d4e3f2a1b', description: 'One login and its successive refreshes.' })
  familyId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Mozilla/5.0 (X11; Linux x86_64)' })
  userAgent!: string | null;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  createdAt!: Date;

  @ApiProperty({ example: '2026-12-25T10:00:00.000Z' })
  expiresAt!: Date;

  @ApiProperty({ type: Date, nullable: true, example: null })
  rotatedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, example: null })
  revokedAt!: Date | null;
}

export class ExportedAuditEventDto {
  @ApiProperty({ example: '7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, example: '5a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b' })
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'vendor' })
  actorRole!: string | null;

  @ApiProperty({ example: 'membership.approve' })
  action!: string;

  @ApiProperty({ example: 'user' })
  entityType!: string;

  @ApiProperty({ type: String, nullable: true, example: '5a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b' })
  entityId!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { membershipStatus: 'pending' } })
  before!: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { membershipStatus: 'active' } })
  after!: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true, example: '5f0c1c9e-5b7e-4c43-9f3c-6f2a1f0b7d2e' })
  requestId!: string | null;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  createdAt!: Date;
}

/** Everything stored about the caller (RGPD art. 15 and 20). */
export class ExportedMailDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'need_published' })
  kind!: string;

  @ApiProperty({ example: 'Votre besoin est publié : Tri du courrier entrant' })
  subject!: string;

  @ApiProperty({ type: String, nullable: true, example: 'marie.curie@azur-ia.fr' })
  toAddress!: string | null;

  @ApiProperty({ enum: ['smtp', 'log'], example: 'log' })
  transport!: string;

  @ApiProperty({ enum: ['sending', 'sent', 'failed'], example: 'sent' })
  status!: string;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  createdAt!: Date;
}

export class ExportedNotificationsDto {
  @ApiProperty({ type: [String], example: ['introduction_reminder'] })
  muted!: string[];

  @ApiProperty({ type: [ExportedMailDto], description: 'E-mails sent (or logged) to the user.' })
  mails!: ExportedMailDto[];
}

export class PersonalDataExportDto {
  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  exportedAt!: Date;

  @ApiProperty({ type: ExportedUserDto })
  user!: ExportedUserDto;

  @ApiProperty({ type: ExportedMembershipDto, nullable: true })
  membership!: ExportedMembershipDto | null;

  @ApiProperty({ type: [ExportedSessionDto], description: 'Refresh-token sessions; token values are never stored.' })
  sessions!: ExportedSessionDto[];

  @ApiProperty({ type: [ExportedAuditEventDto], description: 'Audit events the user did, or that concern their account.' })
  auditEvents!: ExportedAuditEventDto[];

  @ApiProperty({ type: ExportedNotificationsDto })
  notifications!: ExportedNotificationsDto;
}
