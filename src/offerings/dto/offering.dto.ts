import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_KEYS } from '../../sovereignty/sovereignty-claims.js';
import { SOVEREIGNTY_GRADES } from '../../reference/sovereignty/sovereignty.enums.js';
import { OFFERING_STATUSES, PRICING_MODELS } from '../offering.entity.js';
import { SovereigntyProfileDto } from './sovereignty-profile.dto.js';

export class OfferingVendorDto {
  @ApiProperty({ example: '0b7e4a3c-2f1d-4c5e-9a8b-7c6d5e4f3a2b' })
  id!: string;

  @ApiProperty({ example: 'Azur IA' })
  name!: string;

  @ApiProperty({ example: true, description: 'The organisation was verified by a curator.' })
  verified!: boolean;
}

export class ServiceAreaViewDto {
  @ApiProperty({ example: false })
  national!: boolean;

  @ApiProperty({ type: [String], example: ['93'] })
  regions!: string[];

  @ApiProperty({ type: [String], example: ['06', '83'] })
  departements!: string[];

  @ApiProperty({ example: true })
  remoteDelivery!: boolean;
}

export class PricingViewDto {
  @ApiProperty({ enum: PRICING_MODELS, nullable: true, example: 'subscription' })
  model!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 3000 })
  minBudgetEur!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 20000 })
  maxBudgetEur!: number | null;
}

export class ReferencesViewDto {
  @ApiProperty({ example: 12 })
  count!: number;

  @ApiProperty({ type: [String], example: ['C', '84'] })
  sectors!: string[];

  @ApiProperty({
    example: 2,
    description: 'Buyers who confirmed, three months after a won deal, that the solution is in use (« confirmé par un client »).',
  })
  confirmedByClients!: number;
}

export class ScoreBlockDto {
  @ApiProperty({ enum: ['A', 'B', 'C', 'D', 'E'], example: 'A' })
  block!: string;

  @ApiProperty({ example: 'Juridiction et contrôle' })
  label!: string;

  @ApiProperty({ example: 25 })
  score!: number;

  @ApiProperty({ example: 25 })
  max!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: 'Points the total would gain with the change named in raiseHint, computed by the score itself; null at the maximum.',
  })
  raiseBy!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'What would raise this block, in one plain-French line; null when the block is at its maximum.',
  })
  raiseHint!: string | null;
}

export class ClientConfirmationsDto {
  @ApiProperty({ example: 2, description: 'Buyers who confirmed in the three-month survey that the solution is in use.' })
  count!: number;

  @ApiProperty({
    enum: [0],
    example: 0,
    description: 'Points these confirmations add to the score: always 0, they are shown beside the grade, never in it.',
  })
  pointsAdded!: 0;

  @ApiProperty({
    example: 'Confirmé par 2 clients trois mois après la signature ; ces confirmations ne modifient pas la note.',
    description: 'The explanation in French, as the public page shows it.',
  })
  text!: string;
}

export class SovereigntyScoreDto {
  @ApiProperty({ example: 99, description: '0–100, on the effective profile (rejected claims at their worst value).' })
  total!: number;

  @ApiProperty({ enum: SOVEREIGNTY_GRADES, example: 'A' })
  grade!: string;

  @ApiProperty({ enum: ['vérifié', 'déclaratif'], example: 'déclaratif' })
  label!: string;

  @ApiProperty({ example: false, description: 'Every claim that earns points was verified by a curator.' })
  verified!: boolean;

  @ApiProperty({ type: [ScoreBlockDto] })
  blocks!: ScoreBlockDto[];

  @ApiProperty({
    type: ClientConfirmationsDto,
    description: 'Part of the grade’s explanation: buyers’ confirmations (issue 24), which never raise the score by themselves.',
  })
  clientConfirmations!: ClientConfirmationsDto;
}

export class EvidenceViewDto {
  @ApiProperty({ type: String, nullable: true, example: 'https://cyber.gouv.fr/produits-services-qualifies' })
  url!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ANSSI-2026-01' })
  documentRef!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2028-06-30' })
  validUntil!: string | null;
}

export class ClaimViewDto {
  @ApiProperty({ enum: CLAIM_KEYS, example: 'certifications.secNumCloud' })
  claim!: string;

  @ApiProperty({ example: 'Qualification SecNumCloud' })
  label!: string;

  @ApiProperty({
    example: 'OFFERING',
    description: 'The declared value (string or boolean).',
    oneOf: [{ type: 'string' }, { type: 'boolean' }],
  })
  value!: string | boolean;

  @ApiProperty({ enum: ['declared', 'verified', 'rejected'], example: 'declared' })
  status!: string;

  @ApiProperty({ example: true, description: 'The claim earns points, so the "vérifié" label waits for it.' })
  counted!: boolean;

  @ApiProperty({ type: EvidenceViewDto, nullable: true })
  evidence!: EvidenceViewDto | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: "The curator's comment (required on rejection)." })
  comment!: string | null;

  @ApiProperty({ type: Date, nullable: true, example: null })
  decidedAt!: Date | null;
}

export class SovereigntyProfileViewDto extends SovereigntyProfileDto {
  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  declaredAt!: string;

  @ApiPropertyOptional({ example: '2026-11-26T09:00:00.000Z' })
  lastReviewedAt?: string;
}

export class OfferingDto {
  @ApiProperty({ example: '5b0c3a1e-8d2f-4e6a-9c7b-1a2b3c4d5e6f' })
  id!: string;

  @ApiProperty({ type: OfferingVendorDto })
  vendor!: OfferingVendorDto;

  @ApiProperty({ enum: OFFERING_STATUSES, example: 'draft' })
  status!: string;

  @ApiProperty({ type: [String], example: ['publish', 'archive'], description: 'Lifecycle actions allowed now.' })
  allowedActions!: string[];

  @ApiProperty({ example: 'Assistant documentaire souverain pour mairies' })
  title!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Un assistant RAG hébergé en France.' })
  summary!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Indexation des documents internes, réponses sourcées…' })
  description!: string | null;

  @ApiProperty({ type: [String], example: ['KNOWLEDGE_ASSISTANT_RAG'] })
  useCases!: string[];

  @ApiProperty({ type: [String], example: ['84'] })
  sectors!: string[];

  @ApiProperty({ type: ServiceAreaViewDto })
  serviceArea!: ServiceAreaViewDto;

  @ApiProperty({ type: PricingViewDto })
  pricing!: PricingViewDto;

  @ApiProperty({ type: [String], example: ['collectivite'] })
  targetBuyerTypes!: string[];

  @ApiProperty({ type: ReferencesViewDto })
  references!: ReferencesViewDto;

  @ApiProperty({ type: SovereigntyProfileViewDto, nullable: true, description: 'As declared by the vendor.' })
  sovereignty!: SovereigntyProfileViewDto | null;

  @ApiProperty({ type: SovereigntyScoreDto, nullable: true })
  sovereigntyScore!: SovereigntyScoreDto | null;

  @ApiProperty({ type: [ClaimViewDto], description: 'Every scored claim with its curator status; empty without a profile.' })
  claims!: ClaimViewDto[];

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ type: Date, nullable: true, example: null })
  publishedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, example: null })
  archivedAt!: Date | null;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  createdAt!: Date;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  updatedAt!: Date;
}

/** An offering in lists: what a vendor page or a dashboard shows. */
export class OfferingSummaryDto {
  @ApiProperty({ example: '5b0c3a1e-8d2f-4e6a-9c7b-1a2b3c4d5e6f' })
  id!: string;

  @ApiProperty({ enum: OFFERING_STATUSES, example: 'published' })
  status!: string;

  @ApiProperty({ example: 'Assistant documentaire souverain pour mairies' })
  title!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Un assistant RAG hébergé en France.' })
  summary!: string | null;

  @ApiProperty({ type: [String], example: ['KNOWLEDGE_ASSISTANT_RAG'] })
  useCases!: string[];

  @ApiProperty({ enum: SOVEREIGNTY_GRADES, nullable: true, example: 'A' })
  sovereigntyGrade!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 92 })
  sovereigntyScore!: number | null;

  @ApiProperty({ example: false })
  gradeVerified!: boolean;

  @ApiProperty({ example: 3 })
  version!: number;

  @ApiProperty({ type: Date, nullable: true, example: '2026-11-25T10:00:00.000Z' })
  publishedAt!: Date | null;

  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' })
  updatedAt!: Date;
}
