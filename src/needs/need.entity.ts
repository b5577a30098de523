import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { NeedStatus } from './need-lifecycle.js';

export const NEED_REACHES = ['local', 'regional', 'national'] as const;
export type NeedReach = (typeof NEED_REACHES)[number];
export const CLOSE_OUTCOMES = ['won', 'no_fit', 'abandoned'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];
/** E is the lowest grade: asking for "at least E" asks for nothing. */
export const NEED_MIN_GRADES = ['A', 'B', 'C', 'D'] as const;
export type NeedMinGrade = (typeof NEED_MIN_GRADES)[number];
/** Where a need came from (issue 20): typed here, brought by a partner, a diagnostic, an event, or a curator. */
export const NEED_SOURCES = ['direct', 'partner', 'diagnostic', 'event', 'curator'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

/** A buyer organisation's need (DESIGN §3); editable by the buyer in draft and changes_requested only. */
@Entity('need')
export class NeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  useCases!: string[];

  @Column('text', { nullable: true })
  sector!: string | null;

  @Column('char', { length: 5, nullable: true })
  communeCode!: string | null;

  @Column('text', { nullable: true })
  departementCode!: string | null;

  @Column('text', { nullable: true })
  regionCode!: string | null;

  @Column('text', { nullable: true })
  reach!: NeedReach | null;

  @Column('boolean', { default: true })
  acceptsRemote!: boolean;

  @Column('integer', { nullable: true })
  minBudgetEur!: number | null;

  @Column('integer', { nullable: true })
  maxBudgetEur!: number | null;

  /** A firm budget excludes offerings priced outside it; otherwise it only lowers their fit (issue 26). */
  @Column('boolean', { default: false })
  budgetFirm!: boolean;

  @Column('date', { nullable: true })
  desiredStart!: string | null;

  @Column('date', { nullable: true })
  deadline!: string | null;

  @Column('text', { nullable: true })
  dataSensitivity!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  requirements!: string[];

  @Column('text', { nullable: true })
  minSovereigntyGrade!: NeedMinGrade | null;

  @Column('text', { default: 'draft' })
  status!: NeedStatus;

  @Column('text', { default: 'direct' })
  source!: NeedSource;

  /** The partner that brought the need (decision 029); its drafts wait for the buyer's claim. */
  @Column('uuid', { nullable: true })
  partnerId!: string | null;

  /** The diagnostic it came out of, and the use case's code in it: unique together, so a re-import adds nothing. */
  @Column('uuid', { nullable: true })
  diagnosticId!: string | null;

  @Column('text', { nullable: true })
  diagnosticUseCase!: string | null;

  @Column('text', { nullable: true })
  curatorMessage!: string | null;

  @Column('text', { nullable: true })
  rejectionReason!: string | null;

  @Column('text', { nullable: true })
  closeOutcome!: CloseOutcome | null;

  @Column('timestamptz', { nullable: true })
  submittedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  changesRequestedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  rejectedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
