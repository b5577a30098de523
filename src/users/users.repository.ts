import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { type MembershipStatus, type Role } from '../identity/roles.js';
import { UserEntity } from './user.entity.js';

export interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
  displayName: string;
  phone?: string | null;
  organisationId?: string | null;
  membershipStatus?: MembershipStatus | null;
  /** The terms version the person accepted at sign-up (staff accounts accept none). */
  termsVersion?: string | null;
}

export interface ProfileChanges {
  displayName?: string;
  phone?: string | null;
  passwordHash?: string;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  /** `email` must already be normalised (trimmed, lower-case). */
  findLiveByEmail(email: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ email, deletedAt: IsNull() });
  }

  findLiveById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ id, deletedAt: IsNull() });
  }

  /** Locks the row until the transaction ends, so two approvals cannot race. */
  lockLiveById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return this.repo(manager).findOne({ where: { id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  emailExists(email: string, manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).existsBy({ email });
  }

  async create(manager: EntityManager, user: NewUser): Promise<UserEntity> {
    const repo = this.repo(manager);
    const { termsVersion, ...fields } = user;
    const consent = termsVersion ? { termsVersion, termsAcceptedAt: new Date() } : { termsVersion: null, termsAcceptedAt: null };
    return repo.save(
      repo.create({ phone: null, organisationId: null, membershipStatus: null, emailVerifiedAt: null, ...fields, ...consent }),
    );
  }

  /** The owner proved the address is theirs (verification link, or a password reset link). */
  async markEmailVerified(manager: EntityManager, userId: string): Promise<void> {
    await this.repo(manager).update({ id: userId, emailVerifiedAt: IsNull() }, { emailVerifiedAt: () => 'now()' });
  }

  countLiveAdmins(manager?: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ role: 'admin', deletedAt: IsNull() });
  }

  /** Every live member of an organisation, pending ones first, then by name. */
  findLiveMembers(organisationId: string): Promise<UserEntity[]> {
    return this.repo()
      .createQueryBuilder('u')
      .where('u.organisation_id = :organisationId AND u.deleted_at IS NULL', { organisationId })
      .orderBy("CASE u.membership_status WHEN 'pending' THEN 0 WHEN 'active' THEN 1 ELSE 2 END", 'ASC')
      .addOrderBy('u.display_name', 'ASC')
      .getMany();
  }

  async setMembershipStatus(manager: EntityManager, user: UserEntity, status: MembershipStatus): Promise<UserEntity> {
    user.membershipStatus = status;
    return this.repo(manager).save(user);
  }

  async updateProfile(manager: EntityManager, user: UserEntity, changes: ProfileChanges): Promise<UserEntity> {
    Object.assign(user, changes);
    return this.repo(manager).save(user);
  }

  /** RGPD erasure: personal fields emptied, the row kept (role, organisation, dates) for statistics. */
  async anonymise(manager: EntityManager, userId: string): Promise<void> {
    await this.repo(manager).update(
      { id: userId },
      { email: null, passwordHash: null, displayName: null, phone: null, deletedAt: () => 'now()' },
    );
  }

  /** Serialises the first-admin check across instances starting together. */
  async lockAdminBootstrap(manager: EntityManager): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('circuit-ia:first-admin'))");
  }
}
