import { ApiProperty } from '@nestjs/swagger';
import {
  DECLINE_REASONS,
  INTRODUCTION_EVENTS,
  INTRODUCTION_OUTCOMES,
  INTRODUCTION_STATUSES,
  type Actor,
  type DeclineReason,
  type IntroductionEvent,
  type IntroductionOutcome,
  type IntroductionStatus,
  type Side,
} from '../introduction-lifecycle.js';
import { NEED_MIN_GRADES } from '../../needs/need.entity.js';
import { BUYER_TYPES } from '../../reference/organisation-kinds.js';
import { DataSensitivity, HardRequirement } from '../../reference/sovereignty/sovereignty.enums.js';
import { DEAL_VALUE_BAND_KEYS, LOST_REASONS, type DealValueBand, type LostReason } from '../deal-outcome.js';

export class ContactDto {
  @ApiProperty({ example: 'Camille Martin' })
  displayName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'camille.martin@azur-ia.fr' })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+33 4 93 00 00 00' })
  phone!: string | null;
}

/**
 * What a vendor may read of the need before deciding (issue 23): its budget, dates, data sensitivity
 * and requirements, but no buyer name and the commune only as a département.
 */
export class IntroductionNeedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Tri automatique des courriers entrants' })
  title!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Nous recevons 300 courriers par jour et voulons les router automatiquement.' })
  description!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '06' })
  departementCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '93' })
  regionCode!: string | null;

  @ApiProperty({ type: [String], example: ['DOC_PROCESSING'] })
  useCases!: string[];

  @ApiProperty({ type: String, nullable: true, example: '84.11Z', description: 'NAF code of the need (any level).' })
  sector!: string | null;

  @ApiProperty({
    enum: BUYER_TYPES,
    nullable: true,
    example: 'collectivite',
    description: "The buyer's kind of organisation, never its name.",
  })
  buyerType!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 5000 })
  minBudgetEur!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 20000 })
  maxBudgetEur!: number | null;

  @ApiProperty({ example: false, description: 'True: the budget is a hard limit.' })
  budgetFirm!: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2027-01-15' })
  desiredStart!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2027-06-30' })
  deadline!: string | null;

  @ApiProperty({ enum: DataSensitivity, nullable: true, example: DataSensitivity.PERSONAL })
  dataSensitivity!: string | null;

  @ApiProperty({
    enum: HardRequirement,
    isArray: true,
    example: [HardRequirement.GDPR_DPA],
    description: 'Hard requirements the offering must meet.',
  })
  requirements!: string[];

  @ApiProperty({ enum: NEED_MIN_GRADES, nullable: true, example: 'B' })
  minSovereigntyGrade!: string | null;
}

export class IntroductionOfferingDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Assistant documentaire souverain' })
  title!: string;
}

export class IntroductionPartyDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for the buyer side seen by the vendor before the connection.',
  })
  organisationId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Mairie de Vence',
    description: 'Hidden (null) where the organisation is not yet revealed.',
  })
  name!: string | null;

  @ApiProperty({
    type: [ContactDto],
    nullable: true,
    description: "The organisation's active members; null until the introduction is connected (always given to curators).",
  })
  contacts!: ContactDto[] | null;
}

/** What a won introduction records about the deal (decision 026). */
export class IntroductionDealDto {
  @ApiProperty({
    enum: DEAL_VALUE_BAND_KEYS,
    nullable: true,
    example: '5k_20k',
    description: 'Null when a curator recorded the outcome without it.',
  })
  valueBand!: DealValueBand | null;

  @ApiProperty({ type: String, nullable: true, example: 'De 5 à 20 k€' })
  valueBandLabel!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 18000, description: 'Exact amount in euros excl. VAT, when told.' })
  amountEur!: number | null;

  @ApiProperty({ type: String, nullable: true, example: '2027-02-01' })
  startDate!: string | null;

  @ApiProperty({ example: false, description: 'Whether the deal may be shown publicly.' })
  public!: boolean;
}

/** Why a lost introduction was lost. */
export class IntroductionLossDto {
  @ApiProperty({ enum: LOST_REASONS, nullable: true, example: 'competitor' })
  reason!: LostReason | null;

  @ApiProperty({ type: String, nullable: true, example: 'Un autre prestataire a été retenu' })
  reasonLabel!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Le projet a été confié à notre prestataire historique.' })
  comment!: string | null;
}

export class IntroductionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: INTRODUCTION_STATUSES, example: 'proposed' })
  status!: IntroductionStatus;

  @ApiProperty({ enum: ['vendor', 'buyer', 'curator'], example: 'vendor', description: 'How the caller takes part.' })
  viewerSide!: Actor;

  @ApiProperty({
    enum: INTRODUCTION_EVENTS,
    isArray: true,
    example: ['vendor_accept', 'vendor_decline'],
    description: 'What the caller may do now.',
  })
  allowedEvents!: IntroductionEvent[];

  @ApiProperty({ example: 'Notre équipe vous propose un premier échange.' })
  message!: string;

  @ApiProperty({ type: IntroductionNeedDto })
  need!: IntroductionNeedDto;

  @ApiProperty({ type: IntroductionOfferingDto })
  offering!: IntroductionOfferingDto;

  @ApiProperty({ type: IntroductionPartyDto })
  vendor!: IntroductionPartyDto;

  @ApiProperty({ type: IntroductionPartyDto })
  buyer!: IntroductionPartyDto;

  @ApiProperty() proposedAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) vendorAcceptedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) buyerAcceptedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) connectedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) declinedAt!: Date | null;
  @ApiProperty({ enum: ['vendor', 'buyer'], nullable: true }) declinedBy!: Side | null;
  @ApiProperty({ enum: DECLINE_REASONS, nullable: true }) declineReason!: DeclineReason | null;
  @ApiProperty({ type: String, nullable: true }) declineComment!: string | null;
  @ApiProperty({ type: Date, nullable: true }) meetingHeldAt!: Date | null;
  @ApiProperty({ enum: INTRODUCTION_OUTCOMES, nullable: true }) outcome!: IntroductionOutcome | null;
  @ApiProperty({ type: Date, nullable: true }) outcomeAt!: Date | null;
  @ApiProperty({ type: IntroductionDealDto, nullable: true, description: 'Won introductions only.' }) deal!: IntroductionDealDto | null;
  @ApiProperty({ type: IntroductionLossDto, nullable: true, description: 'Lost introductions only.' }) loss!: IntroductionLossDto | null;
  @ApiProperty({ type: Date, nullable: true }) cancelledAt!: Date | null;

  @ApiProperty({ example: 1 })
  version!: number;
}
