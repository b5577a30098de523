import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { NeedEntity } from '../needs/need.entity.js';
import { OfferingEntity } from '../offerings/offering.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { DealValueBand, LostReason } from './deal-outcome.js';
import type { DeclineReason, IntroductionOutcome, IntroductionStatus, Side } from './introduction-lifecycle.js';

/** A curator's proposal that a vendor's offering answers a buyer's need (DESIGN §3, §4). */
@Entity('introduction')
export class IntroductionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  needId!: string;

  @ManyToOne(() => NeedEntity)
  @JoinColumn({ name: 'need_id' })
  need?: NeedEntity;

  @Column('uuid')
  offeringId!: string;

  @ManyToOne(() => OfferingEntity)
  @JoinColumn({ name: 'offering_id' })
  offering?: OfferingEntity;

  @Column('uuid')
  vendorOrganisationId!: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'vendor_organisation_id' })
  vendorOrganisation?: OrganisationEntity;

  @Column('uuid')
  buyerOrganisationId!: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'buyer_organisation_id' })
  buyerOrganisation?: OrganisationEntity;

  @Column('uuid', { nullable: true })
  curatorId!: string | null;

  @Column('text')
  message!: string;

  @Column('text', { default: 'proposed' })
  status!: IntroductionStatus;

  @Column('timestamptz')
  proposedAt!: Date;

  @Column('timestamptz', { nullable: true }) vendorAcceptedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) buyerAcceptedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) connectedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) declinedAt!: Date | null;
  @Column('text', { nullable: true }) declinedBy!: Side | null;
  @Column('text', { nullable: true }) declineReason!: DeclineReason | null;
  @Column('text', { nullable: true }) declineComment!: string | null;
  @Column('timestamptz', { nullable: true }) meetingHeldAt!: Date | null;
  @Column('text', { nullable: true }) outcome!: IntroductionOutcome | null;
  @Column('timestamptz', { nullable: true }) outcomeAt!: Date | null;
  /** Won: the deal's value band, its exact amount when told (integer euros excl. VAT), its start, whether it may be shown. */
  @Column('text', { nullable: true }) dealValueBand!: DealValueBand | null;
  @Column('integer', { nullable: true }) dealAmountEur!: number | null;
  @Column('date', { nullable: true }) dealStartDate!: string | null;
  @Column('boolean', { nullable: true }) dealPublic!: boolean | null;
  /** Lost: why. */
  @Column('text', { nullable: true }) lostReason!: LostReason | null;
  @Column('text', { nullable: true }) lostComment!: string | null;
  @Column('timestamptz', { nullable: true }) cancelledAt!: Date | null;
  @Column('timestamptz', { nullable: true }) remindedVendorAt!: Date | null;
  @Column('timestamptz', { nullable: true }) remindedBuyerAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
