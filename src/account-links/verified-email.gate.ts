import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuthErrors } from '../credentials/auth.errors.js';
import type { Caller } from '../identity/caller.js';
import { AccountTokensRepository } from './account-tokens.repository.js';

/**
 * What a vendor or buyer shows the world (a published offering, a submitted need) comes from an
 * address someone answered: a mistyped or borrowed e-mail would leave curators and the other side
 * writing into the void. Staff accounts are created by an admin and are not gated.
 */
@Injectable()
export class VerifiedEmailGate {
  constructor(private readonly tokens: AccountTokensRepository) {}

  async assert(caller: Caller, manager?: EntityManager): Promise<void> {
    if (caller.role !== 'vendor' && caller.role !== 'buyer') return;
    if (!(await this.tokens.isEmailVerified(caller.userId, manager))) throw AuthErrors.EMAIL_NOT_VERIFIED();
  }
}
