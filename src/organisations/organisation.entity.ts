import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { RegistryCheck } from '../company-registry/company-registry.port.js';
import type { BuyerType, NafVersion, OrganisationKind } from '../reference/organisation-kinds.js';

/** Where an unverified vendor stands (decision 032); ignored once `verifiedAt` is set. */
export type VerificationStatus = 'pending' | 'refused' | 'waiting_vendor';

/**
 * Another site of the organisation. Matching measures proximity from the nearest confirmed one
 * (decision 022): a curator's confirmation, kept while the SIRET and commune stay the same.
 */
export interface Establishment {
  siret: string;
  communeCode: string;
  /** ISO instant a curator confirmed the site; absent while it is only declared. */
  confirmedAt?: string;
  /** The confirming curator's user id. */
  confirmedBy?: string;
}

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: OrganisationKind;

  @Column('text', { nullable: true })
  buyerType!: BuyerType | null;

  @Column('text')
  name!: string;

  @Column('char', { length: 9 })
  siren!: string;

  @Column('char', { length: 14, nullable: true })
  siret!: string | null;

  @Column('text')
  nafCode!: string;

  @Column('text', { default: 'NAFRev2' })
  nafVersion!: NafVersion;

  @Column('char', { length: 5 })
  communeCode!: string;

  @Column('jsonb', { default: () => "'[]'" })
  establishments!: Establishment[];

  @Column('text', { nullable: true })
  headcountBand!: string | null;

  @Column('text', { nullable: true })
  website!: string | null;

  /** Public presentation of a vendor (PATCH /vendors/:id). */
  @Column('text', { nullable: true })
  description!: string | null;

  @Column('timestamptz', { nullable: true })
  verifiedAt!: Date | null;

  /** The company registry's answer at sign-up; null when it was off or could not answer. */
  @Column('jsonb', { nullable: true })
  registryCheck!: RegistryCheck | null;

  @Column('text', { default: 'pending' })
  verificationStatus!: VerificationStatus;

  /** The curator's reason for a refusal, or question to the vendor. */
  @Column('text', { nullable: true })
  verificationMessage!: string | null;

  /** The vendor's answer to the curator's question. */
  @Column('text', { nullable: true })
  verificationAnswer!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
