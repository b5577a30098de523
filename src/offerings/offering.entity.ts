import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ClaimStatus } from '../sovereignty/sovereignty-claims.js';
import type { SovereigntyGrade } from '../reference/sovereignty/sovereignty.enums.js';
import type { SovereigntyProfile } from './sovereignty-profile.js';

export const OFFERING_STATUSES = ['draft', 'published', 'archived'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];
export const PRICING_MODELS = ['subscription', 'licence', 'project', 'per_use', 'free_trial'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

@Entity('offering')
export class OfferingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  vendorId!: string;

  @Column('text', { default: 'draft' })
  status!: OfferingStatus;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  summary!: string | null;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  useCases!: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  sectors!: string[];

  @Column('boolean', { default: false })
  serviceNational!: boolean;

  @Column('text', { array: true, default: () => "'{}'" })
  serviceRegions!: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  serviceDepartements!: string[];

  @Column('boolean', { default: false })
  remoteDelivery!: boolean;

  @Column('text', { nullable: true })
  pricingModel!: PricingModel | null;

  @Column('integer', { nullable: true })
  minBudgetEur!: number | null;

  @Column('integer', { nullable: true })
  maxBudgetEur!: number | null;

  @Column('text', { array: true, default: () => "'{}'" })
  targetBuyerTypes!: string[];

  @Column('integer', { default: 0 })
  referencesCount!: number;

  /** Buyers who confirmed, three months after a won deal, that the solution is in use (decision 033); written by the survey only. */
  @Column({ type: 'integer', default: 0, update: false })
  clientConfirmations!: number;

  @Column('text', { array: true, default: () => "'{}'" })
  referenceSectors!: string[];

  /** As the vendor declared it; the columns below hold the effective values. */
  @Column('jsonb', { nullable: true })
  sovereignty!: SovereigntyProfile | null;

  @Column('text', { nullable: true }) dataResidency!: string | null;
  @Column('text', { nullable: true }) providerJurisdiction!: string | null;
  @Column('text', { nullable: true }) hqJurisdiction!: string | null;
  @Column('boolean', { nullable: true }) nonEuRemoteAccess!: boolean | null;
  @Column('text', { nullable: true, name: 'sec_num_cloud' }) secNumCloud!: string | null;
  @Column('boolean', { nullable: true }) hds!: boolean | null;
  @Column('boolean', { nullable: true, name: 'iso27001' }) iso27001!: boolean | null;
  @Column('text', { nullable: true }) modelOrigin!: string | null;
  @Column('text', { nullable: true }) modelLicence!: string | null;
  @Column('text', { nullable: true }) inferenceHosting!: string | null;
  @Column('text', { nullable: true }) trainingOnCustomerData!: string | null;
  @Column('boolean', { nullable: true, name: 'dpa_art28' }) dpaArt28!: boolean | null;
  @Column('text', { nullable: true }) nonEuTransfers!: string | null;
  @Column('text', { nullable: true }) extraterritorialExposure!: string | null;
  @Column('text', { nullable: true }) nonEuControl!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) deploymentModes!: string[];
  @Column('text', { nullable: true }) aiActRiskClass!: string | null;
  @Column('boolean', { nullable: true }) dataExportOpenFormat!: boolean | null;

  @Column('integer', { nullable: true })
  sovereigntyScore!: number | null;

  @Column('text', { nullable: true })
  sovereigntyGrade!: SovereigntyGrade | null;

  @Column('boolean', { default: false })
  gradeVerified!: boolean;

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  archivedAt!: Date | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A curator's decision on one claim, and the vendor's evidence for it. No row = declared, no evidence. */
@Entity('offering_claim')
export class OfferingClaimEntity {
  @PrimaryColumn('uuid')
  offeringId!: string;

  @PrimaryColumn('text')
  claim!: string;

  @Column('text', { default: 'declared' })
  status!: ClaimStatus;

  @Column('text', { nullable: true })
  evidenceUrl!: string | null;

  @Column('text', { nullable: true })
  evidenceDocumentRef!: string | null;

  @Column('date', { nullable: true })
  evidenceValidUntil!: string | null;

  /** The validity date the vendor was last warned about (30 days ahead): one warning per date. */
  @Column('date', { nullable: true })
  expiryWarnedFor!: string | null;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
