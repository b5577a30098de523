import { Injectable } from '@nestjs/common';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

const MAX_ENTRIES = 10_000;

/**
 * Whether an access token's session (its refresh-token family) is still live, with a small cache:
 * a live answer is trusted for AUTH_SESSION_CACHE_SECONDS, a revoked one for good (a revoked family
 * never comes back). Revocations on this instance take effect at once, on others within the TTL.
 */
@Injectable()
export class SessionLiveness {
  private readonly liveAt = new Map<string, number>();
  private readonly revoked = new Set<string>();
  /** Families and users revoked recently: not cached until their revocation surely committed. */
  private readonly unsettledUntil = new Map<string, number>();
  private readonly ttlMs: number;

  constructor(
    private readonly refreshTokens: RefreshTokensRepository,
    @InjectConfig('auth') config: ConfigSlices['auth'],
  ) {
    this.ttlMs = config.sessionCacheSeconds * 1000;
  }

  async isLive(familyId: string, userId: string): Promise<boolean> {
    const key = `${userId}/${familyId}`;
    if (this.revoked.has(key)) return false;
    const now = Date.now();
    const unsettled = this.isUnsettled(familyId, userId, now);
    const checked = this.liveAt.get(key);
    if (!unsettled && checked !== undefined && now - checked < this.ttlMs) return true;
    const live = await this.refreshTokens.isFamilyLive(familyId, userId);
    if (!live) {
      this.liveAt.delete(key);
      bounded(this.revoked).add(key);
    } else if (!unsettled && this.ttlMs > 0) {
      bounded(this.liveAt).set(key, now);
    }
    return live;
  }

  /** Called when a session is revoked (logout, replay): the cache must not vouch for it any longer. */
  forgetFamily(familyId: string): void {
    this.unsettle(familyId);
  }

  /** Called when every session of a user is revoked or deleted (password change, erasure). */
  forgetUser(userId: string): void {
    this.unsettle(`user:${userId}`);
  }

  private unsettle(key: string): void {
    // Until the revoking transaction has surely committed, a lookup could still read the old row.
    bounded(this.unsettledUntil).set(key, Date.now() + Math.max(this.ttlMs, 1000));
    for (const cached of this.liveAt.keys())
      if (cached.endsWith(`/${key}`) || key === `user:${cached.split('/')[0]}`) this.liveAt.delete(cached);
  }

  private isUnsettled(familyId: string, userId: string, now: number): boolean {
    return [familyId, `user:${userId}`].some((key) => (this.unsettledUntil.get(key) ?? 0) > now);
  }
}

/** Keeps a cache bounded: when full it starts again empty (a cache miss is one indexed query). */
function bounded<T extends Map<string, unknown> | Set<string>>(collection: T): T {
  if (collection.size >= MAX_ENTRIES) collection.clear();
  return collection;
}
