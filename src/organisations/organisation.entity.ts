import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['vendor', 'buyer'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const BUYER_TYPES = ['tpe', 'pme', 'eti', 'collectivite', 'association', 'autre'] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];
export const NAF_VERSIONS = ['NAFRev2', 'NAF2025'] as const;
export type NafVersion = (typeof NAF_VERSIONS)[number];

/** Another site of the organisation; matching measures proximity from the nearest one. */
export interface Establishment {
  siret: string;
  communeCode: string;
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

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
