import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { MembershipStatus, Role } from '../identity/roles.js';

/** `app_user`: `user` is a reserved word in PostgreSQL. Personal fields are null once anonymised. */
@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored trimmed and lower-cased; unique. */
  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  passwordHash!: string | null;

  @Column('text')
  role!: Role;

  @Column('text', { nullable: true })
  displayName!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('uuid', { nullable: true })
  organisationId!: string | null;

  @Column('text', { nullable: true })
  membershipStatus!: MembershipStatus | null;

  /** Set when the owner followed the verification link; needed to publish or submit (issue 23). */
  @Column('timestamptz', { nullable: true })
  emailVerifiedAt!: Date | null;

  /** Terms and privacy consent given at sign-up, with the version read. Null for staff accounts. */
  @Column('timestamptz', { nullable: true })
  termsAcceptedAt!: Date | null;

  @Column('text', { nullable: true })
  termsVersion!: string | null;

  @Column('timestamptz', { nullable: true })
  deletedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
