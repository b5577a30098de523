import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity.js';

export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
  userAgent: string | null;
  expiresAt: Date;
}

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RefreshTokenEntity);
  }

  async insert(manager: EntityManager, token: NewRefreshToken): Promise<void> {
    await this.repo(manager).insert(token);
  }

  /** Locks the token row: two refreshes with one token are serialised, the second sees it rotated. */
  lockByHash(manager: EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.repo(manager).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.repo().findOneBy({ tokenHash });
  }

  async markRotated(manager: EntityManager, id: string): Promise<void> {
    await this.repo(manager).update({ id }, { rotatedAt: () => 'now()' });
  }

  async revokeFamily(manager: EntityManager | undefined, familyId: string): Promise<void> {
    await this.repo(manager).update({ familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async revokeAllOfUser(manager: EntityManager, userId: string): Promise<void> {
    await this.repo(manager).update({ userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /** Erasure: sessions carry the user agent, so they go entirely. */
  async deleteAllOfUser(manager: EntityManager, userId: string): Promise<void> {
    await this.repo(manager).delete({ userId });
  }

  /** A session (family) is live while one of its tokens is unrevoked: revocation revokes them all. */
  isFamilyLive(familyId: string, userId: string): Promise<boolean> {
    return this.repo().exists({ where: { familyId, userId, revokedAt: IsNull() } });
  }

  findAllOfUser(userId: string): Promise<RefreshTokenEntity[]> {
    return this.repo().find({ where: { userId }, order: { createdAt: 'ASC' } });
  }
}
