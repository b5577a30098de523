import { ApiProperty } from '@nestjs/swagger';
import { SOVEREIGNTY_GRADES } from '../../reference/sovereignty/sovereignty.enums.js';
import { OFFERING_STATUSES } from '../offering.entity.js';
import { ClaimViewDto, OfferingVendorDto } from './offering.dto.js';

/** The offering whose claims wait for a curator, as the review list shows it. */
export class ClaimReviewOfferingDto {
  @ApiProperty({ example: '5b0c3a1e-8d2f-4e6a-9c7b-1a2b3c4d5e6f' })
  id!: string;

  @ApiProperty({ example: 'Assistant documentaire souverain pour mairies' })
  title!: string;

  @ApiProperty({ enum: OFFERING_STATUSES, example: 'published' })
  status!: string;

  @ApiProperty({ type: OfferingVendorDto })
  vendor!: OfferingVendorDto;

  @ApiProperty({ enum: SOVEREIGNTY_GRADES, nullable: true, example: 'A' })
  sovereigntyGrade!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 99 })
  sovereigntyScore!: number | null;

  @ApiProperty({ type: Date, nullable: true, example: '2026-11-25T10:00:00.000Z' })
  publishedAt!: Date | null;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  updatedAt!: Date;
}

/** A published offering with the claims that earn points and still wait for a curator's decision. */
export class ClaimReviewDto {
  @ApiProperty({ type: ClaimReviewOfferingDto })
  offering!: ClaimReviewOfferingDto;

  @ApiProperty({ type: [ClaimViewDto], description: 'Counted claims still declared (neither verified nor rejected), with their evidence.' })
  claims!: ClaimViewDto[];
}
