import { ApiProperty } from '@nestjs/swagger';

/** What both resend routes (key and partner-admin) do, for the OpenAPI document. */
export const RESEND_DESCRIPTION =
  'To the address first given. At most one every 5 minutes and 5 a day per need (429 with Retry-After). Audited. ' +
  'A need from a diagnostic shares the diagnostic’s invitation: the new link gives the buyer all its unclaimed drafts.';

export class InvitationPreviewDto {
  @ApiProperty({ example: "CCI Nice Côte d'Azur", description: 'The partner that brought the need.' })
  partnerName!: string;

  @ApiProperty({ example: 'Tri automatique des courriers entrants' })
  title!: string;

  @ApiProperty({ example: 'Boulangerie Niçoise', description: 'The company the account must belong to.' })
  organisationName!: string;

  @ApiProperty({ example: '552100554' })
  siren!: string;

  @ApiProperty({ example: '2026-12-20T09:00:00.000Z' })
  expiresAt!: Date;
}

export class ClaimedNeedDto {
  @ApiProperty({ format: 'uuid', description: 'Review it with GET /needs/:id, edit it with PATCH, then POST /needs/:id/submit.' })
  needId!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Every draft the claim gave the buyer: the need, and the other drafts of its diagnostic when it came from one.',
  })
  needIds!: string[];

  @ApiProperty({ example: 'draft' })
  status!: string;

  @ApiProperty({ example: true, description: 'True when the claim made the caller the first active member of the company.' })
  membershipActivated!: boolean;
}

export class InvitationResentDto {
  @ApiProperty({ format: 'uuid', description: 'The need the new link leads to (the first draft of its diagnostic when it came from one).' })
  needId!: string;

  @ApiProperty({
    example: 'dirigeante@boulangerie-nicoise.fr',
    description: 'Where the new link went: the address the partner first gave.',
  })
  sentTo!: string;

  @ApiProperty({ example: '2026-12-20T09:00:00.000Z', description: 'Until when the new link may be claimed.' })
  expiresAt!: Date;
}
