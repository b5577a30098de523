import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { CommonErrors } from '../common/errors/common.errors.js';
import { passwordProblems } from './password-rules.js';

/** argon2id with the OWASP minimum (19 MiB, 2 passes), set explicitly rather than left to defaults. */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  private dummyHash?: Promise<string>;

  /** Throws 400 naming `field` (the request's own name for it) when it breaks a rule. */
  assertAcceptable(password: string, email?: string | null, field = 'password'): void {
    const problems = passwordProblems(password, email);
    if (problems.length > 0) throw CommonErrors.VALIDATION_FAILED(undefined, [{ field, messages: problems }]);
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, for unknown e-mails: timing reveals no account. */
  async burn(password: string): Promise<void> {
    this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(await this.dummyHash, password);
  }
}
