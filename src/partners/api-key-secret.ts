import { createHash, randomBytes } from 'node:crypto';

/*
 * Partner API keys: `ciak_<8 hex>_<43 base64url>`. The first part is the visible prefix (shown in
 * lists and logs to tell keys apart), the second 256 random bits. Only SHA-256 of the whole key is
 * stored: the secret is high-entropy, so a slow hash adds nothing, and one indexed lookup finds it.
 */

const KEY_SHAPE = /^(ciak_[0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;

export interface NewApiKey {
  /** Shown once, to whoever creates it. */
  secret: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(random: (size: number) => Buffer = randomBytes): NewApiKey {
  const prefix = `ciak_${random(4).toString('hex')}`;
  const secret = `${prefix}_${random(32).toString('base64url')}`;
  return { secret, prefix, hash: hashSecret(secret) };
}

/** Hex SHA-256, as stored for API keys and invitation tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The key's prefix, or null when the text cannot be one of our keys (no lookup is then needed). */
export function apiKeyPrefix(candidate: string): string | null {
  return KEY_SHAPE.exec(candidate)?.[1] ?? null;
}

/** A single-use invitation token: 256 random bits, only its hash stored. */
export function generateInvitationToken(random: (size: number) => Buffer = randomBytes): { token: string; hash: string } {
  const token = random(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}
