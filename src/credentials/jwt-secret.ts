import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEV_JWT_SECRET, type AppConfig } from '../config/app-config.js';

/** The secret that signs and verifies access tokens, injectable as `@Inject(JWT_SIGNING_SECRET)`. */
export const JWT_SIGNING_SECRET = Symbol('JWT_SIGNING_SECRET');

export const JWT_SECRET_FILE = 'jwt-secret';

/**
 * JWT_SECRET when set. Otherwise (development) a random secret created once per data folder, mode
 * 0600, beside the embedded PostgreSQL's data: the published development value never signs a token
 * an app listening on the network would accept. Tests pass their own secret in their config.
 */
export function resolveJwtSecret(config: Pick<AppConfig, 'JWT_SECRET' | 'NODE_ENV' | 'EMBEDDED_PG_DIR'>): string {
  if (config.JWT_SECRET !== DEV_JWT_SECRET || config.NODE_ENV === 'test') return config.JWT_SECRET;
  // loadConfig already refuses the development value in production; this is the belt to its braces.
  if (config.NODE_ENV === 'production') throw new Error('JWT_SECRET must be set when NODE_ENV=production');
  return dataFolderSecret(dirname(resolve(config.EMBEDDED_PG_DIR)));
}

/** Reads `<folder>/jwt-secret`, creating it atomically on first use (two instances starting together agree). */
export function dataFolderSecret(folder: string): string {
  const file = join(folder, JWT_SECRET_FILE);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file); // fails if another process got there first: then its secret is the one
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  const secret = readSecret(file);
  if (!secret) throw new Error(`${file} holds no usable secret (32+ characters); delete it to get a new one`);
  return secret;
}

function readSecret(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Only its owner may read it, even if someone loosened the mode by hand.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = text.trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret (32+ characters); delete it to get a new one`);
  return secret;
}
