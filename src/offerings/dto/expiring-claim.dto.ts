import { ApiProperty } from '@nestjs/swagger';
import { CLAIM_KEYS } from '../../sovereignty/sovereignty-claims.js';
import { OFFERING_STATUSES } from '../offering.entity.js';

/** A verified claim whose evidence expires within 60 days (or has just expired), for the curators' queue. */
export class ExpiringClaimDto {
  @ApiProperty({ format: 'uuid', example: '5b0c3a1e-8d2f-4e6a-9c7b-1a2b3c4d5e6f' })
  offeringId!: string;

  @ApiProperty({ example: 'Assistant documentaire souverain pour mairies' })
  offeringTitle!: string;

  @ApiProperty({ enum: OFFERING_STATUSES, example: 'published' })
  offeringStatus!: string;

  @ApiProperty({ format: 'uuid', example: '9b2f7c44-1d3a-4e8f-b6a0-5c7e2d9f1a08' })
  vendorId!: string;

  @ApiProperty({ example: 'Azur IA' })
  vendorName!: string;

  @ApiProperty({ enum: CLAIM_KEYS, example: 'certifications.secNumCloud' })
  claim!: string;

  @ApiProperty({ example: 'Qualification SecNumCloud' })
  label!: string;

  @ApiProperty({ example: '2027-01-15', description: 'Last day the evidence is valid (YYYY-MM-DD).' })
  validUntil!: string;

  @ApiProperty({ example: 40, description: 'Days from today (Paris) to validUntil: 0 on the last valid day, negative once expired.' })
  daysLeft!: number;
}
